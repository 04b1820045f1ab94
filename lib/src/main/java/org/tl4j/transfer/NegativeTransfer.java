package org.tl4j.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Gains over training from scratch, per source, target and strategy, from {@link ScenarioGrid}
 * results: a negative gain is negative transfer.
 * {@code NegativeTransfer.compare().source("digits 0-4", a).source("clothes 0-4", b).gains()}.
 */
public final class NegativeTransfer {
    public static final String GAIN = "gain over scratch";
    /** Gains smaller than this (in accuracy, either sign) count as "about the same". */
    public static final double NOISE = 0.01;

    private final Map<String, Table> sources = new LinkedHashMap<>();

    private NegativeTransfer() {
    }

    public static NegativeTransfer compare() {
        return new NegativeTransfer();
    }

    /** The results of one source, which must include the "from scratch" strategy. */
    public NegativeTransfer source(String name, Table results) {
        if (!results.stringColumn("strategy").contains(Strategy.SCRATCH.label())) {
            throw new IllegalArgumentException("the results of " + name + " have no '" + Strategy.SCRATCH.label()
                    + "' rows: add Strategy.SCRATCH to the grid's strategies, it is the baseline");
        }
        sources.put(name, results);
        return this;
    }

    /** One row per (source, quadrant, transfer strategy): its accuracy, the baseline's, and the difference. */
    public Table gains() {
        StringColumn source = StringColumn.create("source");
        StringColumn target = StringColumn.create("target");
        StringColumn strategy = StringColumn.create("strategy");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn scratch = DoubleColumn.create("scratch");
        DoubleColumn gain = DoubleColumn.create(GAIN);
        for (Map.Entry<String, Table> e : sources.entrySet()) {
            Table r = e.getValue();
            for (int row = 0; row < r.rowCount(); row++) {
                String s = r.stringColumn("strategy").get(row);
                if (s.equals(Strategy.SCRATCH.label())) {
                    continue;
                }
                String quadrant = ScenarioGrid.quadrant(r, row);
                double a = r.doubleColumn("accuracy (mean)").getDouble(row);
                double base = ScenarioGrid.accuracy(r, quadrant, Strategy.SCRATCH.label());
                source.append(e.getKey());
                target.append(quadrant);
                strategy.append(s);
                accuracy.append(a);
                scratch.append(base);
                gain.append(a - base);
            }
        }
        return Table.create("Transfer vs training from scratch", source, target, strategy, accuracy, scratch, gain);
    }

    /** Bars of the gains in points, grouped by target size and source; below zero is negative transfer. */
    public static CategoryChart chart(Table gains) {
        List<String> targets = gains.stringColumn("target").unique().asList().stream()
                .map(t -> t.replaceAll(" \\(.*\\)$", "")).distinct().toList();
        CategoryChart chart = new CategoryChartBuilder().width(820).height(420)
                .title("Gain over training from scratch: " + String.join(", ", targets))
                .xAxisTitle("target size, source").yAxisTitle("accuracy points (below 0: negative transfer)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        List<String> groups = new ArrayList<>();
        Map<String, Map<String, Double>> byStrategy = new LinkedHashMap<>();
        for (int r = 0; r < gains.rowCount(); r++) {
            String target = gains.stringColumn("target").get(r);
            String size = target.matches(".*\\((.*)\\)$") ? target.replaceAll(".*\\((.*)\\)$", "$1") : target;
            String g = (targets.size() > 1 ? target : size) + ", from " + gains.stringColumn("source").get(r);
            if (!groups.contains(g)) {
                groups.add(g);
            }
            byStrategy.computeIfAbsent(gains.stringColumn("strategy").get(r), k -> new LinkedHashMap<>())
                    .put(g, 100 * gains.doubleColumn(GAIN).getDouble(r));
        }
        byStrategy.forEach((s, values) -> chart.addSeries(s, groups,
                groups.stream().map(g -> values.getOrDefault(g, 0.0)).toList()));
        return chart;
    }

    /** One line per negative gain beyond the noise, or a line saying there was none. */
    public static String summary(Table gains) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < gains.rowCount(); r++) {
            double g = gains.doubleColumn(GAIN).getDouble(r);
            if (g < -NOISE) {
                out.append(String.format(Locale.ROOT, "negative transfer: %s from %s, %s: %.1f points below scratch%n",
                        gains.stringColumn("target").get(r), gains.stringColumn("source").get(r),
                        gains.stringColumn("strategy").get(r), -100 * g));
            }
        }
        return out.length() == 0 ? "no negative transfer beyond " + (int) (100 * NOISE) + " point" : out.toString().strip();
    }

    /** For grid results with a baseline: each strategy's gain and what it means. */
    public static String verdict(Table results) {
        Table gains = compare().source("source", results).gains();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < gains.rowCount(); r++) {
            double g = gains.doubleColumn(GAIN).getDouble(r);
            String meaning = g > NOISE ? "positive transfer: it paid off"
                    : g < -NOISE ? "negative transfer: the source hurt; try another source or strategy"
                    : "about the same as scratch: transfer was not worth it here";
            out.append(String.format(Locale.ROOT, "%s: %.1f%% vs %.1f%% from scratch, %+.1f points, %s%n",
                    gains.stringColumn("strategy").get(r), 100 * gains.doubleColumn("accuracy").getDouble(r),
                    100 * gains.doubleColumn("scratch").getDouble(r), 100 * g, meaning));
        }
        return out.toString().strip();
    }
}
