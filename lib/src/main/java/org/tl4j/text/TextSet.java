package org.tl4j.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.course.Messages;
import org.tl4j.data.ShuffledBatches;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;

/**
 * Labelled texts (a word, a phrase or a sentence each) for a small text-classification target.
 * Turned into batches of word indices with a mask, the input of {@link TextClassifier}.
 */
public final class TextSet {
    private static final Messages TEXT = Messages.of(TextSet.class);
    /** One labelled text and its tokens. */
    public record Example(String text, List<String> tokens, int label) {
    }

    private final List<String> classes;
    private final List<Example> examples;

    private TextSet(List<String> classes, List<Example> examples) {
        this.classes = List.copyOf(classes);
        this.examples = List.copyOf(examples);
    }

    public static TextSet of(List<String> classes, List<Example> examples) {
        for (Example e : examples) {
            if (e.label() < 0 || e.label() >= classes.size()) {
                throw new IllegalArgumentException(TEXT.get("TextSet.labelNotAClass",
                        e.label(), e.text(), classes.size(), classes));
            }
        }
        return new TextSet(classes, examples);
    }

    /** WordNet definitions labelled by their category, e.g. categories("noun.animal", "noun.food"). */
    public static TextSet definitions(WordNet wordNet, String... categories) {
        List<String> classes = List.of(categories);
        Set<String> known = wordNet.categoryCounts().keySet();
        for (String c : classes) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException(TEXT.get("TextSet.notACategory",
                        c, List.copyOf(known).subList(0, 8)));
            }
        }
        List<Example> examples = new ArrayList<>();
        for (Synset s : wordNet.synsets()) {
            int label = classes.indexOf(s.category());
            if (label >= 0) {
                examples.add(new Example(s.definition(), Tokens.of(s.definition()), label));
            }
        }
        return new TextSet(classes, examples);
    }

    /** AFINN single words labelled negative (valence below 0) or positive (above 0). */
    public static TextSet valence(Map<String, Integer> scores) {
        List<Example> examples = new ArrayList<>();
        scores.forEach((word, v) -> {
            if (v != 0) {
                examples.add(new Example(word, Tokens.of(word), v > 0 ? 1 : 0));
            }
        });
        return new TextSet(List.of("negative", "positive"), examples);
    }

    public List<String> classes() {
        return classes;
    }

    public int numClasses() {
        return classes.size();
    }

    public List<Example> examples() {
        return examples;
    }

    public int size() {
        return examples.size();
    }

    public TextSet where(Predicate<Example> test) {
        return new TextSet(classes, examples.stream().filter(test).toList());
    }

    /** Only the examples with at least one word that has a vector. */
    public TextSet coveredBy(Embeddings embeddings) {
        return where(e -> e.tokens().stream().anyMatch(embeddings::contains));
    }

    public Map<String, Integer> countsPerClass() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, 0));
        examples.forEach(e -> counts.merge(classes.get(e.label()), 1, Integer::sum));
        return counts;
    }

    /** n examples of each class drawn with the seed (all of a class if it has fewer). */
    public TextSet perClass(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException(TEXT.get("TextSet.perClassAtLeastOne", n));
        }
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        int[] taken = new int[classes.size()];
        List<Example> chosen = new ArrayList<>();
        for (Example e : shuffled) {
            if (taken[e.label()] < n) {
                taken[e.label()]++;
                chosen.add(e);
            }
        }
        return new TextSet(classes, chosen);
    }

    /** The examples not in the other set (compared by text and label). */
    public TextSet without(TextSet other) {
        Set<Example> drop = Set.copyOf(other.examples);
        return where(e -> !drop.contains(e));
    }

    /** All distinct texts, e.g. to keep them out of the unlabelled corpus. */
    public Set<String> texts() {
        Set<String> texts = new java.util.HashSet<>();
        examples.forEach(e -> texts.add(e.text()));
        return texts;
    }

    /** Every distinct token of the texts: the vocabulary a classifier of this task needs. */
    public Set<String> tokens() {
        Set<String> tokens = new java.util.TreeSet<>();
        examples.forEach(e -> tokens.addAll(e.tokens()));
        return tokens;
    }

    /**
     * The whole set as one DataSet: features [n, length] hold word indices (0 = unknown or
     * padding), the mask [n, length] marks the real words; texts longer than length are cut.
     */
    public DataSet toDataSet(Embeddings vocabulary, int length) {
        int n = examples.size();
        INDArray features = Nd4j.zeros(DataType.FLOAT, n, length);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, n, length);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, classes.size());
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            int t = 0;
            for (String token : e.tokens()) {
                if (t == length) {
                    break;
                }
                features.putScalar(i, t, vocabulary.contains(token) ? vocabulary.indexOf(token) + 1 : 0);
                mask.putScalar(i, t, 1);
                t++;
            }
            if (t == 0) {
                mask.putScalar(i, 0, 1);  // an empty text still has one (unknown) position
            }
            labels.putScalar(i, e.label(), 1);
        }
        return new DataSet(features, labels, mask, null);
    }

    /** Batches reshuffled every epoch with the seed: for training. */
    public DataSetIterator shuffledBatches(Embeddings vocabulary, int length, int batchSize, long seed) {
        return ShuffledBatches.of(toDataSet(vocabulary, length), batchSize, seed);
    }

    /** Batches in order: for evaluation. */
    public DataSetIterator batches(Embeddings vocabulary, int length, int batchSize) {
        return new ExistingDataSetIterator(new ArrayList<>(toDataSet(vocabulary, length).batchBy(batchSize)));
    }

    @Override
    public String toString() {
        return "TextSet " + size() + " examples, classes " + countsPerClass();
    }
}
