package org.tl4j.evaluate;

import org.knowm.xchart.XYChart;
import org.tl4j.course.Messages;
import org.tl4j.viz.ErrorLines;
import org.tl4j.viz.TabledResult;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three benefits transfer may bring, read off learning curves (test accuracy after every epoch), per
 * arm over seeds: a higher <b>start</b> (after the first epoch), a higher <b>slope</b> (mean gain per epoch
 * over the first half of training) and a higher <b>asymptote</b> (the accuracy of the epoch validation
 * chose). Comparisons pair two arms seed by seed.
 */
public final class Benefits extends TabledResult {
    private static final Messages TEXT = Messages.of(Benefits.class);

    /** One benefit, and how to read it off one run's curve. */
    public enum Benefit {
        START("higher start"), SLOPE("higher slope"), ASYMPTOTE("higher asymptote");

        private final String label;

        Benefit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * This benefit read off one run's test curve (accuracy after each epoch) and the epoch validation chose:
         * start = after epoch 1; slope = (curve at epoch h - curve at epoch 1) / (h - 1) with h half the epochs
         * (at least 2); asymptote = at the chosen epoch.
         */
        public double of(double[] testCurve, int chosenEpoch) {
            if (testCurve.length < 2 || chosenEpoch < 1 || chosenEpoch > testCurve.length) {
                throw new IllegalArgumentException(TEXT.get("Benefits.curveTooShort", testCurve.length, chosenEpoch));
            }
            return switch (this) {
                case START -> testCurve[0];
                case SLOPE -> {
                    int n = Math.min(testCurve.length, Math.max(2, testCurve.length / 2));
                    yield (testCurve[n - 1] - testCurve[0]) / (n - 1);
                }
                case ASYMPTOTE -> testCurve[chosenEpoch - 1];
            };
        }
    }

    private record Curve(double[] test, int chosenEpoch) {
        double value(Benefit b) {
            return b.of(test, chosenEpoch);
        }
    }

    private final String target;
    private final int epochs;
    private final Map<String, List<Curve>> curves = new LinkedHashMap<>();

    Benefits(String target, int epochs) {
        this.target = target;
        this.epochs = epochs;
    }

    void add(String arm, double[] testCurve, int chosenEpoch) {
        curves.computeIfAbsent(arm, a -> new ArrayList<>()).add(new Curve(testCurve.clone(), chosenEpoch));
    }

    public List<String> arms() {
        return new ArrayList<>(curves.keySet());
    }

    private List<Curve> curves(String arm) {
        List<Curve> c = curves.get(arm);
        if (c == null) {
            throw new IllegalArgumentException(TEXT.get("Benefits.noArm", arm, arms()));
        }
        return c;
    }

    private List<Double> values(String arm, Benefit b) {
        return curves(arm).stream().map(c -> c.value(b)).toList();
    }

    /** One benefit of one arm over the seeds (start and asymptote as accuracies, slope as accuracy per epoch). */
    public Estimate of(String arm, Benefit b) {
        Estimate e = Estimate.of(values(arm, b));
        return b == Benefit.SLOPE ? e : e.within(0, 1);
    }

    /** A - B on one benefit, paired by seed. */
    public Comparison compare(Benefit b, String a, String other) {
        return Comparison.paired(a, values(a, b), other, values(other, b));
    }

    /** The three benefits of A over B, one line each, each with its verdict by the interval rule. */
    public String verdicts(String a, String other) {
        List<String> lines = new ArrayList<>();
        for (Benefit b : Benefit.values()) {
            lines.add(b.label() + (b == Benefit.SLOPE ? " (points per epoch)" : "") + ": " + compare(b, a, other).sentence());
        }
        return String.join("\n", lines);
    }

    /** Mean test accuracy (%) after every epoch, per arm, with 95% intervals over the seeds. */
    public XYChart chart() {
        Map<String, double[][]> points = new LinkedHashMap<>();
        for (String arm : arms()) {
            double[][] rows = new double[epochs][];
            for (int e = 0; e < epochs; e++) {
                int epoch = e;
                Estimate at = Estimate.of(curves(arm).stream().map(c -> c.test()[epoch]).toList()).within(0, 1).times(100);
                rows[e] = new double[]{e + 1, at.mean(), at.halfWidth()};
            }
            points.put(arm, rows);
        }
        XYChart chart = ErrorLines.of("Learning curves on " + target + " (mean of " + seeds() + " seeds, 95% intervals)",
                "epoch", "test accuracy (%)", points);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0); // an interval reaching past 100% is cut at the edge
        return chart;
    }

    public int seeds() {
        return curves.values().iterator().next().size();
    }

    /** One row per arm: start, slope and asymptote with their intervals. */
    public Table table() {
        StringColumn arm = StringColumn.create("arm");
        StringColumn start = StringColumn.create("start % (epoch 1)");
        StringColumn slope = StringColumn.create("slope (points per epoch)");
        StringColumn asymptote = StringColumn.create("asymptote % (epoch validation chose)");
        IntColumn seeds = IntColumn.create("seeds");
        for (String a : arms()) {
            arm.append(a);
            start.append(of(a, Benefit.START).times(100).brief("%.1f"));
            slope.append(of(a, Benefit.SLOPE).times(100).brief("%+.2f"));
            asymptote.append(of(a, Benefit.ASYMPTOTE).times(100).brief("%.1f"));
            seeds.append(curves(a).size());
        }
        return Table.create("Higher start, higher slope, higher asymptote? (" + target + ", test accuracy)",
                arm, start, slope, asymptote, seeds);
    }

    /** Per arm the three benefits and the curves; every other arm compared with the first. */
    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "benefits");
        out.put("target", target);
        out.put("epochs", epochs);
        Map<String, Object> arms = new LinkedHashMap<>();
        for (String a : arms()) {
            Map<String, Object> arm = new LinkedHashMap<>();
            for (Benefit b : Benefit.values()) {
                arm.put(b.name().toLowerCase(), Arms.estimate(of(a, b)));
            }
            arm.put("curves", curves(a).stream().map(c -> java.util.Arrays.stream(c.test()).boxed().toList()).toList());
            arm.put("chosenEpochs", curves(a).stream().map(Curve::chosenEpoch).toList());
            arms.put(a, arm);
        }
        out.put("arms", arms);
        Map<String, Object> comparisons = new LinkedHashMap<>();
        String first = arms().get(0);
        for (String other : arms().subList(1, arms().size())) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (Benefit b : Benefit.values()) {
                c.put(b.name().toLowerCase(), Arms.comparison(compare(b, first, other)));
            }
            comparisons.put(first + " vs " + other, c);
        }
        out.put("comparisons", comparisons);
        return out;
    }
}
