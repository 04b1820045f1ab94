package org.tl4j.transfer;

import org.knowm.xchart.CategoryChart;
import org.tl4j.course.Messages;
import org.tl4j.evaluate.Arms;
import org.tl4j.evaluate.Comparison;
import org.tl4j.evaluate.Estimate;
import org.tl4j.viz.ErrorBars;
import org.tl4j.viz.TabledResult;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gains over training from scratch, per source, target and arm, from {@link ScenarioGrid} results, each
 * paired seed by seed. Transfer is negative only where scratch beats it beyond the noise (the 95%
 * interval of the difference lies below 0).
 * {@code NegativeTransfer.compare().source("digits 0-4", a).source("clothes 0-4", b).gains()}.
 */
public final class NegativeTransfer extends TabledResult {
    private static final Messages TEXT = Messages.of(NegativeTransfer.class);
    private final Map<String, ScenarioResults> sources = new LinkedHashMap<>();

    private NegativeTransfer() {
    }

    public static NegativeTransfer compare() {
        return new NegativeTransfer();
    }

    /** The results of one source; the grid must have run {@link Strategy#SCRATCH}, the baseline. */
    public NegativeTransfer source(String name, ScenarioResults results) {
        if (!results.strategies().contains(Strategy.SCRATCH)) {
            throw new IllegalArgumentException(TEXT.get("NegativeTransfer.noScratchRuns",
                    name, Strategy.SCRATCH.label()));
        }
        sources.put(name, results);
        return this;
    }

    /** An arm against scratch, for one source and quadrant: difference = arm - scratch. */
    public record Gain(String source, String quadrant, Strategy strategy, Comparison comparison) {
        /** Scratch beats the transferred network beyond the noise. */
        public boolean negative() {
            return comparison.verdict() == Comparison.Verdict.B_BETTER;
        }

        /** The transferred network beats scratch beyond the noise. */
        public boolean positive() {
            return comparison.verdict() == Comparison.Verdict.A_BETTER;
        }

        public String sentence() {
            String what = positive() ? "positive transfer" : negative() ? "negative transfer" : "no gain or loss this experiment can see";
            return quadrant + " from " + source + ", " + strategy.label() + ": " + what + ", "
                    + strategy.label() + " - scratch = " + comparison.points();
        }
    }

    /** One gain per source, quadrant and transfer arm. */
    public List<Gain> gains() {
        List<Gain> out = new ArrayList<>();
        sources.forEach((name, r) -> {
            for (String q : r.quadrants()) {
                for (Strategy s : r.strategies()) {
                    if (s != Strategy.SCRATCH) {
                        out.add(new Gain(name, q, s, r.compare(q, s, Strategy.SCRATCH)));
                    }
                }
            }
        });
        return out;
    }

    /** The gains that are negative beyond the noise. */
    public List<Gain> negatives() {
        return gains().stream().filter(Gain::negative).toList();
    }

    /** One line per negative gain, or a line saying the experiment saw none. */
    public String summary() {
        List<Gain> neg = negatives();
        if (neg.isEmpty()) {
            return "no negative transfer this experiment can see: no arm fell below scratch beyond the noise";
        }
        return String.join("\n", neg.stream().map(Gain::sentence).toList());
    }

    /** Bars of the gains in points, grouped by target and source, with 95% intervals; below 0 the source hurt. */
    public CategoryChart chart() {
        ErrorBars bars = ErrorBars.titled("Gain over training from scratch (95% intervals)")
                .axes("target, source", "test accuracy points (below 0: negative transfer)");
        for (Gain g : gains()) {
            Estimate d = g.comparison().difference().times(100);
            bars.bar(g.strategy().label(), g.quadrant() + ", from " + g.source(), d.mean(), d.halfWidth());
        }
        return bars.chart();
    }

    public Table table() {
        StringColumn source = StringColumn.create("source");
        StringColumn target = StringColumn.create("target");
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn gain = StringColumn.create("gain over scratch, points (95% CI)");
        StringColumn verdict = StringColumn.create("verdict");
        for (Gain g : gains()) {
            source.append(g.source());
            target.append(g.quadrant());
            strategy.append(g.strategy().label());
            gain.append(g.comparison().difference().times(100).brief("%+.1f"));
            verdict.append(g.positive() ? "positive" : g.negative() ? "negative" : "cannot tell");
        }
        return Table.create("Transfer vs training from scratch", source, target, strategy, gain, verdict);
    }

    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "negative-transfer");
        out.put("gains", gains().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", g.source());
            m.put("quadrant", g.quadrant());
            m.put("strategy", g.strategy().name());
            m.put("difference", Arms.estimate(g.comparison().difference()));
            m.put("verdict", g.comparison().verdict().name());
            return (Object) m;
        }).toList());
        return out;
    }

    /** For grid results with a baseline: each arm against scratch, in words. */
    public static String verdict(ScenarioResults results) {
        return String.join("\n", compare().source("source", results).gains().stream().map(g -> {
            String meaning = g.positive() ? "it paid off"
                    : g.negative() ? "the source hurt: try another source or strategy"
                    : "this experiment cannot tell it from training from scratch";
            return g.strategy().label() + " on " + g.quadrant() + ": " + meaning + "; " + g.strategy().label()
                    + " - scratch = " + g.comparison().points();
        }).toList());
    }
}
