package org.tl4j.transfer;

import org.tl4j.data.ImageSet;
import org.tl4j.train.History;
import org.tl4j.train.Repeats;
import org.tl4j.train.Trainer;
import org.tl4j.viz.ProgressBar;
import org.tl4j.zoo.SourceModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The four-scenario experiment: every strategy, on every target (small or large, similar or not),
 * repeated with several seeds. One row per (target, strategy): mean and spread of the best
 * validation accuracy.
 */
public final class ScenarioGrid {
    /** A target: its training set drawn for a seed, its validation set, and how long to train. */
    public record Target(String name, String size, LongFunction<ImageSet> train, ImageSet validation, int epochs, int batchSize) {
    }

    private final SourceModel source;
    private final List<Target> targets = new ArrayList<>();
    private final List<Strategy> strategies = new ArrayList<>(List.of(Strategy.values()));

    private ScenarioGrid(SourceModel source) {
        this.source = source;
    }

    public static ScenarioGrid from(SourceModel source) {
        return new ScenarioGrid(source);
    }

    public ScenarioGrid target(String name, String size, LongFunction<ImageSet> train, ImageSet validation, int epochs, int batchSize) {
        targets.add(new Target(name, size, train, validation, epochs, batchSize));
        return this;
    }

    public ScenarioGrid strategies(Strategy... chosen) {
        strategies.clear();
        strategies.addAll(List.of(chosen));
        return this;
    }

    /** Runs everything (a progress bar counts the runs) and returns the results table. */
    public Table run(int seeds) {
        if (targets.isEmpty()) {
            throw new IllegalStateException("add at least one target first");
        }
        ProgressBar bar = ProgressBar.start("scenario runs", (long) targets.size() * strategies.size() * seeds);
        StringColumn target = StringColumn.create("target");
        StringColumn size = StringColumn.create("size");
        StringColumn strategy = StringColumn.create("strategy");
        DoubleColumn mean = DoubleColumn.create("accuracy (mean)");
        DoubleColumn spread = DoubleColumn.create("spread (max - min)");
        IntColumn runs = IntColumn.create("seeds");
        for (Target t : targets) {
            for (Strategy s : strategies) {
                List<Double> acc = new ArrayList<>();
                for (int k = 0; k < seeds; k++) {
                    long seed = 100 + k;
                    ImageSet train = t.train().apply(seed);
                    History h = Trainer.of(s.network(source, train.numClasses(), seed)).epochs(t.epochs()).live(false)
                            .name(t.name() + " " + s.label()).fit(train.shuffledBatches(t.batchSize(), seed), t.validation().batches(500));
                    acc.add(h.bestAccuracy());
                    bar.step(t.name() + ", " + s.label());
                }
                target.append(t.name());
                size.append(t.size());
                strategy.append(s.label());
                Repeats repeats = new Repeats(acc);
                mean.append(repeats.mean());
                spread.append(repeats.spread());
                runs.append(seeds);
            }
        }
        bar.finish("done");
        mean.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        spread.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create("Four scenarios: best validation accuracy", target, size, strategy, mean, spread, runs);
    }

    /** The quadrant a results row belongs to, e.g. "digits 5-9 (small)". */
    static String quadrant(Table results, int row) {
        return results.stringColumn("target").get(row) + " (" + results.stringColumn("size").get(row) + ")";
    }

    /** The mean accuracy of a strategy in a quadrant ("digits 5-9 (small)"), NaN if it did not run there. */
    public static double accuracy(Table results, String quadrant, String strategy) {
        for (int r = 0; r < results.rowCount(); r++) {
            if (quadrant(results, r).equals(quadrant) && results.stringColumn("strategy").get(r).equals(strategy)) {
                return results.doubleColumn("accuracy (mean)").getDouble(r);
            }
        }
        return Double.NaN;
    }

    /** Per quadrant: the best transfer strategy's mean accuracy minus training from scratch. */
    public static Map<String, Double> gainsOverScratch(Table results) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (int r = 0; r < results.rowCount(); r++) {
            if (!results.stringColumn("strategy").get(r).equals(Strategy.SCRATCH.label())) {
                best.merge(quadrant(results, r), results.doubleColumn("accuracy (mean)").getDouble(r), Math::max);
            }
        }
        Map<String, Double> gains = new LinkedHashMap<>();
        best.forEach((q, a) -> gains.put(q, a - accuracy(results, q, Strategy.SCRATCH.label())));
        return gains;
    }

    /** Grouped bars: one group per target, one bar per strategy. */
    public static org.knowm.xchart.CategoryChart chart(Table results) {
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(860).height(420)
                .title("Four scenarios").xAxisTitle("target").yAxisTitle("best validation accuracy (mean)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        List<String> groups = new ArrayList<>();
        for (int r = 0; r < results.rowCount(); r++) {
            String g = quadrant(results, r);
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        double min = 1;
        Map<String, List<Double>> byStrategy = new LinkedHashMap<>();
        for (int r = 0; r < results.rowCount(); r++) {
            double a = results.doubleColumn("accuracy (mean)").getDouble(r);
            min = Math.min(min, a);
            byStrategy.computeIfAbsent(results.stringColumn("strategy").get(r), k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Double>> e : byStrategy.entrySet()) {
            chart.addSeries(e.getKey(), groups, e.getValue());
        }
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(min * 10) / 10 - 0.05));
        return chart;
    }

    /** For each target, the strategy with the best mean accuracy. */
    public static Map<String, String> winners(Table results) {
        Map<String, String> best = new LinkedHashMap<>();
        Map<String, Double> bestAcc = new LinkedHashMap<>();
        for (int r = 0; r < results.rowCount(); r++) {
            String key = quadrant(results, r);
            double a = results.doubleColumn("accuracy (mean)").getDouble(r);
            if (!bestAcc.containsKey(key) || a > bestAcc.get(key)) {
                bestAcc.put(key, a);
                best.put(key, results.stringColumn("strategy").get(r));
            }
        }
        return best;
    }
}
