package org.tl4j.transfer;

import org.tl4j.course.Messages;

import java.util.Locale;

/**
 * Recommends a transfer strategy from the target's size (labelled images per class) and its
 * measured similarity to the source ({@link Similarity#linearProbe}), and says why. The thresholds
 * are the course's reading of the four-scenario experiment, not laws: check them on your data.
 */
public final class Advisor {
    private static final Messages TEXT = Messages.of(Advisor.class);
    /** Targets with fewer labelled images per class than this count as small. */
    public static final int SMALL_BELOW = 100;
    /**
     * A linear probe at or above this (0 = chance, 1 = perfect) counts as similar. Read off the course's
     * experiment: digits 5-9 probe about 0.8 from a digits 0-4 source, inverted digits 5-9 about 0.75,
     * Fashion-MNIST classes 0-4 about 0.55 (20 images per class, 15 epochs).
     */
    public static final double SIMILAR_FROM = 0.6;

    private Advisor() {
    }

    /** A recommendation and its reasons. */
    public record Advice(Strategy strategy, String why) {
        @Override
        public String toString() {
            return strategy.label() + ": " + why;
        }
    }

    public static Advice recommend(int imagesPerClass, double similarity) {
        if (imagesPerClass < 1) {
            throw new IllegalArgumentException(TEXT.get("Advisor.perClassAtLeastOne", imagesPerClass));
        }
        if (similarity < 0 || similarity > 1) {
            throw new IllegalArgumentException(TEXT.get("Advisor.similarityOutOfRange", similarity));
        }
        boolean small = imagesPerClass < SMALL_BELOW;
        boolean similar = similarity >= SIMILAR_FROM;
        String facts = String.format(Locale.ROOT, "%d images per class (%s), linear probe %.2f (%s). ", imagesPerClass,
                small ? "small" : "large", similarity, similar ? "similar" : "dissimilar");
        if (small && similar) {
            return new Advice(Strategy.FEATURE_EXTRACTOR, facts + "The source's features already separate the target "
                    + "classes and there is too little data to retrain them without overfitting: freeze them, train a new head.");
        }
        if (!small && similar) {
            return new Advice(Strategy.FINE_TUNE_TOP, facts + "The features fit and there is enough data to adapt the "
                    + "top of the network to the target: train a new head, then fine-tune the top block at a lower rate; "
                    + "the early layers are general and can stay as they are.");
        }
        if (small) {
            return new Advice(Strategy.EARLY_LAYERS, facts + "The late features are specific to the source and do not fit; "
                    + "the early ones (edges, strokes) are general: keep those, retrain the rest.");
        }
        return new Advice(Strategy.FINE_TUNE_ALL, facts + "The hard case: the source's features do not fit, but there is "
                + "enough data to learn the target's own. Fine-tune every layer (head first, then all at a lower rate), "
                + "and compare with training from scratch: the source's weights may help or not.");
    }
}
