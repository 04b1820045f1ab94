package org.tl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tl4j.backend.FastPath;
import org.tl4j.course.Messages;
import org.tl4j.data.Target;

import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Trains a network for a number of epochs and shows it happening on the display plugged in with
 * {@link #showWith} (in notebooks: a progress bar over all mini-batches and a learning curve of the
 * training loss per step and the validation accuracy per epoch). With early stopping it keeps the
 * weights of the best epoch on validation.
 */
public final class Trainer {
    private static final Messages TEXT = Messages.of(Trainer.class);
    private static volatile TrainingDisplay display = TrainingDisplay.NONE;
    private final MultiLayerNetwork net;
    private int epochs = 1;
    private boolean live = true;
    private int patience = -1;
    private boolean restoreBest;
    private boolean trainAccuracy;
    private String name = "training";
    private DataSetIterator testCurve;

    private Trainer(MultiLayerNetwork net) {
        this.net = net;
    }

    /** Where live training runs are shown from now on (the notebook kernel sets it). */
    public static void showWith(TrainingDisplay d) {
        display = d == null ? TrainingDisplay.NONE : d;
    }

    public static Trainer of(MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException(TEXT.get("Trainer.ofNull"));
        }
        return new Trainer(net);
    }

    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException(TEXT.get("Plan.epochsAtLeastOne", epochs));
        }
        this.epochs = epochs;
        return this;
    }

    /** Whether to show the run on the display (on by default). */
    public Trainer live(boolean live) {
        this.live = live;
        return this;
    }

    /** Stops after {@code patience} epochs without a better validation accuracy and restores the best weights. */
    public Trainer earlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException(TEXT.get("Trainer.patienceAtLeastOne", patience));
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

    /**
     * After every epoch, also measures accuracy on this held-out test set: a learning curve to report.
     * It takes no part in any choice (validation alone picks the epoch).
     */
    public Trainer testCurve(DataSetIterator test) {
        this.testCurve = test;
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
        TrainingDisplay.Shown shown = (live ? display : TrainingDisplay.NONE).start(name, total);
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
                if (Thread.currentThread().isInterrupted()) {  // the notebook's stop button
                    shown.finish(String.format(Locale.ROOT, "interrupted in epoch %d", e));
                    throw new CancellationException(TEXT.get("Trainer.interrupted", e, epochs));
                }
                double score = net.score();
                lossSum += score;
                windowSum += score;
                windowCount++;
                step++;
                shown.step(String.format(Locale.ROOT, "epoch %d/%d, loss %.3f", e, epochs, score));
                if (step % curveEvery == 0) {
                    shown.point("train loss", step / (double) batches, windowSum / windowCount);
                    windowSum = 0;
                    windowCount = 0;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double accuracy = accuracy(net, validation);
            double trainAcc = trainAccuracy ? accuracy(net, train) : Double.NaN;
            double testAcc = testCurve != null ? accuracy(net, testCurve) : Double.NaN;
            shown.point("validation accuracy", e, accuracy);
            if (trainAccuracy) {
                shown.point("train accuracy", e, trainAcc);
            }
            history.add(e, lossSum / batches, trainAcc, accuracy, testAcc, seconds);
            shown.epochDone();
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
        shown.finish(String.format(Locale.ROOT, "done: validation accuracy %.4f (epoch %d)",
                restoreBest ? bestAccuracy : history.lastAccuracy(), history.bestEpoch()));
        return history;
    }

    /**
     * One run of an experiment: trains on the split's training images (shuffled by {@code seed}), restores
     * the epoch validation chose, and measures those weights once on the test set.
     */
    public Run run(Target.Split split, int batchSize, long seed) {
        long begin = System.nanoTime();
        restoreBest = true;
        History h = fit(split.train().shuffledBatches(batchSize, seed), split.validation().batches(500));
        double test = accuracy(net, split.test().batches(500));
        return new Run(name, seed, h.bestEpoch(), h.epochs(), h.bestAccuracy(), test, (System.nanoTime() - begin) / 1e9);
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
                throw new IllegalArgumentException(TEXT.get("Trainer.outputsDoNotMatch",
                        outputs, ds.getLabels().size(1), ds.getLabels().size(1)));
            }
            n++;
        }
        it.reset();
        if (n == 0) {
            throw new IllegalArgumentException(TEXT.get("Trainer.noBatches"));
        }
        return n;
    }
}
