package org.tl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tl4j.viz.LearningCurve;
import org.tl4j.viz.ProgressBar;

import java.util.Locale;

/**
 * Trains a network for a number of epochs and shows it happening: a progress bar over all
 * mini-batches and a learning curve (training loss per step, test accuracy per epoch).
 */
public final class Trainer {
    private final MultiLayerNetwork net;
    private int epochs = 1;
    private boolean live = true;

    private Trainer(MultiLayerNetwork net) {
        this.net = net;
    }

    public static Trainer of(MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException("Trainer.of(null): pass the network to train");
        }
        return new Trainer(net);
    }

    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Whether to show the progress bar and learning curve (on by default). */
    public Trainer live(boolean live) {
        this.live = live;
        return this;
    }

    public History fit(DataSetIterator train, DataSetIterator test) {
        int batches = count(train);
        if (batches == 0) {
            throw new IllegalArgumentException("the training iterator has no batches");
        }
        ProgressBar bar = live ? ProgressBar.start("training", (long) batches * epochs) : ProgressBar.of("training", (long) batches * epochs);
        LearningCurve curve = LearningCurve.of("Learning curve", "epoch", "training loss").rightAxis("test accuracy", "test accuracy");
        if (live) {
            curve.show();
        }
        History history = new History();
        int step = 0;
        int curveEvery = Math.max(1, batches / 10);
        for (int e = 1; e <= epochs; e++) {
            long start = System.nanoTime();
            double lossSum = 0;
            double windowSum = 0;
            int windowCount = 0;
            train.reset();
            while (train.hasNext()) {
                DataSet batch = train.next();
                net.fit(batch);
                double score = net.score();
                lossSum += score;
                windowSum += score;
                windowCount++;
                step++;
                bar.step(String.format(Locale.ROOT, "epoch %d/%d, loss %.3f", e, epochs, score));
                if (step % curveEvery == 0) {
                    curve.add("train loss", step / (double) batches, windowSum / windowCount);
                    windowSum = 0;
                    windowCount = 0;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double accuracy = accuracy(net, test);
            curve.add("test accuracy", e, accuracy);
            history.add(e, lossSum / batches, accuracy, seconds);
        }
        bar.finish(String.format(Locale.ROOT, "done: test accuracy %.4f", history.lastAccuracy()));
        return history;
    }

    /** Fraction of the iterator's examples that the network classifies correctly. */
    public static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation eval = net.evaluate(data);
        return eval.accuracy();
    }

    private static int count(DataSetIterator it) {
        it.reset();
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        it.reset();
        return n;
    }
}
