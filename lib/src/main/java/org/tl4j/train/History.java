package org.tl4j.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What happened in each epoch of a training run: epoch, training loss, training, validation and test
 * accuracy, seconds. Training and test accuracy are NaN when the trainer was not told to measure them.
 */
public final class History {
    private final String name;
    private final IntColumn epoch = IntColumn.create("epoch");
    private final DoubleColumn loss = DoubleColumn.create("train loss");
    private final DoubleColumn trainAccuracy = DoubleColumn.create("train accuracy");
    private final DoubleColumn accuracy = DoubleColumn.create("validation accuracy");
    private final DoubleColumn testAccuracy = DoubleColumn.create("test accuracy");
    private final DoubleColumn seconds = DoubleColumn.create("seconds");
    private int bestEpoch = -1;

    public History() {
        this("run");
    }

    public History(String name) {
        this.name = name;
    }

    void add(int e, double meanLoss, double trainAcc, double validationAccuracy, double testAcc, double secs) {
        epoch.append(e);
        loss.append(meanLoss);
        trainAccuracy.append(trainAcc);
        accuracy.append(validationAccuracy);
        testAccuracy.append(testAcc);
        seconds.append(secs);
    }

    void bestEpoch(int e) {
        bestEpoch = e;
    }

    public String name() {
        return name;
    }

    public int epochs() {
        return epoch.size();
    }

    public double lastAccuracy() {
        return accuracy.get(accuracy.size() - 1);
    }

    /** Validation accuracy after each epoch (epoch 1 first). */
    public double[] accuracies() {
        return accuracy.asDoubleArray();
    }

    /**
     * Test accuracy after each epoch, when the trainer was given a test set to draw the curve on
     * ({@link Trainer#testCurve}); NaN otherwise. It took no part in choosing the epoch.
     */
    public double[] testAccuracies() {
        return testAccuracy.asDoubleArray();
    }

    public double bestAccuracy() {
        return accuracy.max();
    }

    /** The epoch whose weights the network kept (the best on validation with early stopping, else the last). */
    public int bestEpoch() {
        return bestEpoch > 0 ? bestEpoch : epochs();
    }

    /** The (first) epoch with the best validation accuracy. */
    public int bestAccuracyEpoch() {
        double[] a = accuracies();
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best + 1;
    }

    /** Training accuracy after the last epoch (NaN unless the trainer measured it). */
    public double lastTrainAccuracy() {
        return trainAccuracy.getDouble(trainAccuracy.size() - 1);
    }

    public double lastLoss() {
        return loss.get(loss.size() - 1);
    }

    public double totalSeconds() {
        return seconds.sum();
    }

    /** The runs one after the other, epochs numbered on (e.g. the stages of gradual unfreezing). */
    public static History concat(String name, java.util.List<History> runs) {
        History all = new History(name);
        int e = 0;
        for (History h : runs) {
            for (int i = 0; i < h.epochs(); i++) {
                all.add(++e, h.loss.getDouble(i), h.trainAccuracy.getDouble(i), h.accuracy.getDouble(i),
                        h.testAccuracy.getDouble(i), h.seconds.getDouble(i));
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return "History " + name + ": " + epochs() + " epochs, best validation accuracy "
                + String.format(java.util.Locale.ROOT, "%.4f", epochs() == 0 ? Double.NaN : bestAccuracy());
    }

    public Table table() {
        DoubleColumn l = loss.copy();
        DoubleColumn t = trainAccuracy.copy();
        DoubleColumn a = accuracy.copy();
        DoubleColumn test = testAccuracy.copy();
        DoubleColumn s = seconds.copy();
        l.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        t.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        a.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        test.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        s.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        Table table = Table.create("Training history: " + name, epoch.copy(), l, t, a, test, s);
        for (DoubleColumn optional : java.util.List.of(t, test)) {
            if (optional.countMissing() == optional.size()) {
                table.removeColumns(optional.name());
            }
        }
        return table;
    }
}
