package org.tl4j.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.tl4j.course.Messages;
import org.tl4j.viz.ProgressBar;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Word embeddings learned by word2vec (DL4J's skip-gram with negative sampling) from unlabelled
 * sentences: the source task of lesson 8. Reads as a sentence:
 * {@code WordVectors.learnFrom(corpus).dimensions(64).epochs(3).seed(7).train()}.
 */
public final class WordVectors {
    private static final Messages TEXT = Messages.of(WordVectors.class);
    private final List<String> sentences;
    private int dimensions = 64;
    private int window = 5;
    private int minCount = 3;
    private int epochs = 3;
    private long seed = 7;

    private WordVectors(List<String> sentences) {
        this.sentences = sentences;
    }

    /** Sentences as text; they are tokenized with {@link Tokens}. */
    public static WordVectors learnFrom(Collection<String> texts) {
        List<String> sentences = new ArrayList<>(texts.size());
        for (String t : texts) {
            List<String> tokens = Tokens.of(t);
            if (tokens.size() > 1) {
                sentences.add(String.join(" ", tokens));
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("WordVectors.noSentences"));
        }
        return new WordVectors(sentences);
    }

    public WordVectors dimensions(int dimensions) {
        this.dimensions = positive(dimensions, "dimensions");
        return this;
    }

    /** How many words on each side count as a word's context. */
    public WordVectors window(int window) {
        this.window = positive(window, "window");
        return this;
    }

    /** Words seen fewer times than this get no vector. */
    public WordVectors minCount(int minCount) {
        this.minCount = positive(minCount, "minCount");
        return this;
    }

    public WordVectors epochs(int epochs) {
        this.epochs = positive(epochs, "epochs");
        return this;
    }

    public WordVectors seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Trains word2vec on one thread, so that a seed gives the same vectors every time. A progress bar
     * counts sentences (DL4J reports every 100,000) and epochs.
     */
    public Embeddings train() {
        long start = System.nanoTime();
        ProgressBar bar = ProgressBar.start("word2vec", (long) sentences.size() * epochs);
        Word2Vec w2v = new Word2Vec.Builder()
                .elementsLearningAlgorithm(new SkipGram<VocabWord>())
                .layerSize(dimensions).windowSize(window).minWordFrequency(minCount)
                .epochs(epochs).iterations(1).negativeSample(5).useHierarchicSoftmax(false)
                .sampling(1e-3).learningRate(0.025).minLearningRate(1e-4)
                .workers(1).seed(seed).allowParallelTokenization(false)
                .iterate(new CollectionSentenceIterator(sentences))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .setVectorsListeners(List.of(new Progress(bar, sentences.size())))
                .build();
        w2v.fit();
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.finish(String.format(Locale.ROOT, "done: %d epochs in %.0f s", epochs, seconds));
        return Embeddings.of(w2v, seconds, tokens());
    }

    /** Moves the bar to the number of sentences DL4J has processed. */
    private record Progress(ProgressBar bar, long perEpoch) implements VectorsListener<VocabWord> {
        @Override
        public boolean validateEvent(ListenerEvent event, long argument) {
            return event == ListenerEvent.LINE || event == ListenerEvent.EPOCH;
        }

        @Override
        public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> vectors, long argument) {
            long target = event == ListenerEvent.EPOCH ? argument * perEpoch : argument;
            if (target > bar.done()) {
                bar.advance(target - bar.done(), event == ListenerEvent.EPOCH ? "epoch " + argument + " done" : "");
            }
        }
    }

    private long tokens() {
        return sentences.stream().mapToLong(s -> s.chars().filter(c -> c == ' ').count() + 1).sum();
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(TEXT.get("WordVectors.atLeastOne", name, value));
        }
        return value;
    }
}
