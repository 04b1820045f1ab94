package org.tl4j.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** What happened in each epoch of a training run, as a table (epoch, loss, test accuracy, seconds). */
public final class History {
    private final IntColumn epoch = IntColumn.create("epoch");
    private final DoubleColumn loss = DoubleColumn.create("train loss");
    private final DoubleColumn accuracy = DoubleColumn.create("test accuracy");
    private final DoubleColumn seconds = DoubleColumn.create("seconds");

    void add(int e, double meanLoss, double testAccuracy, double secs) {
        epoch.append(e);
        loss.append(meanLoss);
        accuracy.append(testAccuracy);
        seconds.append(secs);
    }

    public int epochs() {
        return epoch.size();
    }

    public double lastAccuracy() {
        return accuracy.get(accuracy.size() - 1);
    }

    public double lastLoss() {
        return loss.get(loss.size() - 1);
    }

    public Table table() {
        DoubleColumn l = loss.copy();
        DoubleColumn a = accuracy.copy();
        DoubleColumn s = seconds.copy();
        l.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        a.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        s.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        return Table.create("Training history", epoch.copy(), l, a, s);
    }
}
