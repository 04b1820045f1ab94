package org.tl4j.train;

import org.tl4j.course.Messages;

/**
 * How to train, as one value with named settings instead of a positional tail:
 * {@code Plan.epochs(15).batch(10).seed(3)}. Arms that train the new head first spend
 * {@code headEpochs} of the {@code epochs} on it, then the rest at {@code fineTuneRate}.
 */
public record Plan(int epochs, int batchSize, long seed, double learningRate, int headEpochs, double fineTuneRate) {
    private static final Messages TEXT = Messages.of(Plan.class);

    public Plan {
        if (epochs < 1) {
            throw new IllegalArgumentException(TEXT.get("Plan.epochsAtLeastOne", epochs));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(TEXT.get("Plan.batchSizeAtLeastOne", batchSize));
        }
        if (headEpochs < 1 || headEpochs >= Math.max(2, epochs)) {
            throw new IllegalArgumentException(TEXT.get("Plan.headEpochsOutOfRange",
                    epochs - 1, epochs, headEpochs, epochs < 2 ? TEXT.get("Plan.twoStagesNeedTwoEpochs") : ""));
        }
        rate(learningRate);
        rate(fineTuneRate);
    }

    /**
     * A plan of this many epochs: batch 32, seed 1, Adam at 1e-3, a third of the epochs for the head, then 3e-4.
     * (At 1e-4 the fine-tuning arms of the four-scenario grid still improved in their last epoch: too slow for
     * these small networks and budgets.)
     */
    public static Plan epochs(int epochs) {
        return new Plan(epochs, 32, 1, 1e-3, defaultHeadEpochs(epochs), 3e-4);
    }

    public Plan batch(int size) {
        return new Plan(epochs, size, seed, learningRate, headEpochs, fineTuneRate);
    }

    public Plan seed(long s) {
        return new Plan(epochs, batchSize, s, learningRate, headEpochs, fineTuneRate);
    }

    public Plan learningRate(double rate) {
        return new Plan(epochs, batchSize, seed, rate, headEpochs, fineTuneRate);
    }

    /** Epochs of the head-first stage (the rest of the epochs fine-tune). */
    public Plan headFirst(int headStageEpochs) {
        return new Plan(epochs, batchSize, seed, learningRate, headStageEpochs, fineTuneRate);
    }

    /** The (lower) rate once transferred layers train. */
    public Plan fineTuneRate(double rate) {
        return new Plan(epochs, batchSize, seed, learningRate, headEpochs, rate);
    }

    /** Epochs left once the head-first stage is done. */
    public int fineTuneEpochs() {
        return Math.max(1, epochs - headEpochs);
    }

    private static int defaultHeadEpochs(int epochs) {
        return Math.max(1, Math.min(epochs - 1, (int) Math.ceil(epochs / 3.0)));
    }

    private static void rate(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException(TEXT.get("Plan.rateNotPositive", r));
        }
    }
}
