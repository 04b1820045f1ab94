package org.tl4j.transfer;

import java.util.ArrayList;
import java.util.List;
import org.tl4j.data.ImageSet;
import org.tl4j.viz.ProgressBar;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Choosing a source before training with it: every candidate from the zoo gets the same linear
 * probe on the target ({@link Similarity#linearProbe}); the table ranks them, best first.
 */
public final class SourceChoice {
    public static final String SOURCE = "source";
    public static final String PROBE = "linear probe (0 = chance, 1 = perfect)";

    private SourceChoice() {
    }

    public static Table probe(List<String> candidates, ImageSet train, ImageSet validation, int epochs, long seed) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("give at least one candidate source, e.g. Zoo.names()");
        }
        ProgressBar bar = ProgressBar.start("linear probes", candidates.size());
        List<String> names = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        StringColumn data = StringColumn.create("trained on");
        for (String name : candidates) {
            SourceModel source = Zoo.load(name);
            names.add(name);
            scores.add(Similarity.linearProbe(source, train, validation, epochs, seed));
            data.append(source.card().sourceData());
            bar.step(name);
        }
        bar.finish("done");
        DoubleColumn probe = DoubleColumn.create(PROBE, scores);
        probe.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        Table table = Table.create("Candidate sources, measured on the target", StringColumn.create(SOURCE, names), data, probe);
        return table.sortDescendingOn(PROBE);
    }

    /** The candidate with the highest probe score. */
    public static String best(Table probes) {
        return probes.stringColumn(SOURCE).get(0);
    }

    /** Its probe score. */
    public static double bestScore(Table probes) {
        return probes.doubleColumn(PROBE).getDouble(0);
    }
}
