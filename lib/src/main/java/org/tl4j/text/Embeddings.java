package org.tl4j.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.course.Messages;

/** A vocabulary and one vector per word (row i of {@link #matrix()} belongs to word i). */
public final class Embeddings {
    private static final Messages TEXT = Messages.of(Embeddings.class);
    private final List<String> words;
    private final Map<String, Integer> index = new HashMap<>();
    private final INDArray matrix;
    private final INDArray unit;
    private final double seconds;
    private final long corpusTokens;

    private Embeddings(List<String> words, INDArray matrix, double seconds, long corpusTokens) {
        this.words = List.copyOf(words);
        this.matrix = matrix;
        this.seconds = seconds;
        this.corpusTokens = corpusTokens;
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        INDArray norms = matrix.norm2(1).addi(1e-8).reshape(words.size(), 1);
        this.unit = matrix.divColumnVector(norms);
    }

    /** The vectors of a trained word2vec model, words in alphabetical order. */
    static Embeddings of(Word2Vec model, double seconds, long corpusTokens) {
        List<String> words = new ArrayList<>(new TreeSet<>(model.vocab().words()));
        INDArray m = Nd4j.create(DataType.FLOAT, words.size(), model.getLayerSize());
        for (int i = 0; i < words.size(); i++) {
            m.putRow(i, model.getWordVectorMatrix(words.get(i)).castTo(DataType.FLOAT));
        }
        return new Embeddings(words, m, seconds, corpusTokens);
    }

    /** Given vectors for given words (rows in the same order). */
    public static Embeddings of(List<String> words, INDArray vectors) {
        if (vectors.rank() != 2 || vectors.rows() != words.size()) {
            throw new IllegalArgumentException(TEXT.get("Embeddings.rowPerWord",
                    words.size(), java.util.Arrays.toString(vectors.shape())));
        }
        return new Embeddings(words, vectors.castTo(DataType.FLOAT), 0, 0);
    }

    /** Only the given words that have a vector: a task's own, smaller vocabulary (faster to train). */
    public Embeddings restrictedTo(Collection<String> wanted) {
        List<String> kept = new ArrayList<>(new TreeSet<>(wanted.stream().filter(this::contains).toList()));
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("Embeddings.noneHasVector", wanted.size()));
        }
        int[] rows = kept.stream().mapToInt(index::get).toArray();
        return new Embeddings(kept, org.tl4j.backend.HostFloats.rows(matrix, rows), seconds, corpusTokens);
    }

    public int size() {
        return words.size();
    }

    public int dimensions() {
        return (int) matrix.columns();
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** The vocabulary, alphabetical. */
    public List<String> words() {
        return words;
    }

    public int indexOf(String word) {
        Integer i = index.get(word);
        if (i == null) {
            throw new IllegalArgumentException(TEXT.get("Embeddings.noVector", word, size()));
        }
        return i;
    }

    public INDArray vector(String word) {
        return matrix.getRow(indexOf(word)).dup();
    }

    /** All vectors, one row per word in {@link #words()} order. */
    public INDArray matrix() {
        return matrix.dup();
    }

    /** The n other words whose vectors point most nearly the same way (cosine similarity). */
    public List<String> nearest(String word, int n) {
        INDArray sims = unit.mmul(unit.getRow(indexOf(word)).reshape(dimensions(), 1)).reshape(size());
        double[] s = sims.toDoubleVector();
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.length && out.size() < n; i++) {
            if (!words.get(order[i]).equals(word)) {
                out.add(words.get(order[i]));
            }
        }
        return out;
    }

    /** For each word, its n nearest words: a quick look at what the vectors learned. */
    public tech.tablesaw.api.Table neighbourTable(int n, String... words) {
        var word = tech.tablesaw.api.StringColumn.create("word");
        var nearest = tech.tablesaw.api.StringColumn.create("nearest words (most similar first)");
        for (String w : words) {
            word.append(w);
            nearest.append(contains(w) ? String.join(", ", nearest(w, n)) : "(not in the vocabulary)");
        }
        return tech.tablesaw.api.Table.create("Nearest neighbours by cosine similarity", word, nearest);
    }

    /** Cosine similarity of two words' vectors, from -1 to 1. */
    public double similarity(String a, String b) {
        return unit.getRow(indexOf(a)).mul(unit.getRow(indexOf(b))).sumNumber().doubleValue();
    }

    /** Seconds word2vec trained (0 for given vectors). */
    public double trainingSeconds() {
        return seconds;
    }

    public long corpusTokens() {
        return corpusTokens;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Embeddings: %,d words x %d dimensions", size(), dimensions());
    }
}
