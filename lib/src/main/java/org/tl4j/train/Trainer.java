package org.tl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tl4j.backend.FastPath;
import org.tl4j.viz.LearningCurve;
import org.tl4j.viz.ProgressBar;

import java.util.Locale;

/**
 * Trains a network for a number of epochs and shows it happening: a progress bar over all
 * mini-batches and a learning curve (training loss per step, validation accuracy per epoch).
 * With early stopping it keeps the weights of the best epoch on validation.
 */
public final class Trainer {
    private final MultiLayerNetwork net;
    private int epochs = 1;
    private boolean live = true;
    private int patience = -1;
    private boolean restoreBest;
    private boolean trainAccuracy;
    private String name = "training";

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

    /** Stops after {@code patience} epochs without a better validation accuracy and restores the best weights. */
    public Trainer earlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 epoch, got " + patience);
        }
        this.patience = patience;
        this.restoreBest = true;
        return this;
    }

    /** Trains every epoch, then restores the weights of the epoch with the best validation accuracy. */
    public Trainer restoreBestEpoch() {
        this.restoreBest = true;
        return this;
    }

    /** Also measures accuracy on the training data after each epoch (one more pass over it). */
    public Trainer measureTrainAccuracy(boolean measure) {
        this.trainAccuracy = measure;
        return this;
    }

    /** The name of the run, shown in tables and curves. */
    public Trainer name(String name) {
        this.name = name;
        return this;
    }

    public History fit(DataSetIterator train, DataSetIterator validation) {
        int batches = countAndCheck(train);
        FastPath.install(net);
        long total = (long) batches * epochs;
        ProgressBar bar = live ? ProgressBar.start(name, total) : ProgressBar.of(name, total);
        LearningCurve curve = LearningCurve.of("Learning curve: " + name, "epoch", "training loss")
                .rightAxis("accuracy", "validation accuracy", "train accuracy");
        if (live) {
            curve.show();
        }
        History history = new History(name);
        INDArray best = null;
        double bestAccuracy = -1;
        int bestEpoch = 0;
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
            double accuracy = accuracy(net, validation);
            double trainAcc = trainAccuracy ? accuracy(net, train) : Double.NaN;
            curve.add("validation accuracy", e, accuracy);
            if (trainAccuracy) {
                curve.add("train accuracy", e, trainAcc);
            }
            history.add(e, lossSum / batches, trainAcc, accuracy, seconds);
            curve.redraw();
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestEpoch = e;
                if (restoreBest) {
                    best = net.params().dup();
                }
            } else if (patience > 0 && e - bestEpoch >= patience) {
                break;
            }
        }
        if (restoreBest && best != null && bestEpoch != history.epochs()) {
            net.setParams(best);
        }
        history.bestEpoch(restoreBest ? bestEpoch : history.epochs());
        bar.finish(String.format(Locale.ROOT, "done: validation accuracy %.4f (epoch %d)",
                restoreBest ? bestAccuracy : history.lastAccuracy(), history.bestEpoch()));
        return history;
    }

    /** Fraction of the iterator's examples that the network classifies correctly. */
    public static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation eval = net.evaluate(data);
        return eval.accuracy();
    }

    /** Counts the batches and checks that the labels fit the network's output layer. */
    private int countAndCheck(DataSetIterator it) {
        it.reset();
        int n = 0;
        long outputs = net.layerSize(net.getnLayers() - 1);
        while (it.hasNext()) {
            DataSet ds = it.next();
            if (n == 0 && ds.getLabels().size(1) != outputs) {
                throw new IllegalArgumentException("The network has " + outputs + " outputs but the data has "
                        + ds.getLabels().size(1) + " classes: give it a new head with that many classes, "
                        + "e.g. Transfer.from(net).newHead(" + ds.getLabels().size(1) + ").build()");
            }
            n++;
        }
        it.reset();
        if (n == 0) {
            throw new IllegalArgumentException("the training data has no batches");
        }
        return n;
    }
}
