package org.tl4j.transfer;

import org.knowm.xchart.CategoryChart;
import org.tl4j.course.Messages;
import org.tl4j.evaluate.Arms;
import org.tl4j.evaluate.Comparison;
import org.tl4j.evaluate.Estimate;
import org.tl4j.train.Run;
import org.tl4j.viz.ErrorBars;
import org.tl4j.viz.TabledResult;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ScenarioGrid} measured: per quadrant and arm, one {@link Run} per seed. Every figure is
 * the test accuracy of the epoch that validation chose; comparisons pair the arms seed by seed.
 */
public final class ScenarioResults extends TabledResult {
    private static final Messages TEXT = Messages.of(ScenarioResults.class);
    private final String source;
    private final List<Strategy> strategies;
    private final Map<String, Map<Strategy, List<Run>>> runs = new LinkedHashMap<>();
    private final Map<String, String> setups = new LinkedHashMap<>();

    ScenarioResults(String source, List<Strategy> strategies) {
        this.source = source;
        this.strategies = List.copyOf(strategies);
    }

    void add(String quadrant, Strategy strategy, Run run) {
        runs.computeIfAbsent(quadrant, q -> new LinkedHashMap<>()).computeIfAbsent(strategy, s -> new ArrayList<>()).add(run);
    }

    /** What a quadrant trained on and how (target sizes, plan): runs are comparable only on the same set-up. */
    void setUp(String quadrant, String setup) {
        setups.put(quadrant, setup);
    }

    String setup(String quadrant) {
        return setups.get(quadrant);
    }

    /** The quadrants, e.g. "digits 5-9 (small)", in the order they were added. */
    public List<String> quadrants() {
        return new ArrayList<>(runs.keySet());
    }

    public List<Strategy> strategies() {
        return strategies;
    }

    /** The runs of one arm in one quadrant, seed 100 first. */
    public List<Run> runs(String quadrant, Strategy strategy) {
        Map<Strategy, List<Run>> q = runs.get(quadrant);
        if (q == null) {
            throw new IllegalArgumentException(TEXT.get("ScenarioResults.noQuadrant", quadrant, quadrants()));
        }
        List<Run> r = q.get(strategy);
        if (r == null) {
            throw new IllegalArgumentException(TEXT.get("ScenarioResults.strategyDidNotRun",
                    strategy.label(), quadrant, strategies));
        }
        return r;
    }

    /** Test accuracy of one arm in one quadrant, over the seeds (its interval within [0, 1]). */
    public Estimate accuracy(String quadrant, Strategy strategy) {
        return Estimate.of(testAccuracies(quadrant, strategy)).within(0, 1);
    }

    private List<Double> testAccuracies(String quadrant, Strategy strategy) {
        return runs(quadrant, strategy).stream().map(Run::testAccuracy).toList();
    }

    /** A - B in one quadrant, paired by seed. */
    public Comparison compare(String quadrant, Strategy a, Strategy b) {
        return Comparison.paired(a.label(), testAccuracies(quadrant, a), b.label(), testAccuracies(quadrant, b));
    }

    /** The arm with the best mean in a quadrant, and the arms it does not beat beyond the noise. */
    public Winner winner(String quadrant) {
        Strategy best = strategies.stream().max(Comparator.comparingDouble(s -> accuracy(quadrant, s).mean())).orElseThrow();
        List<Strategy> ties = strategies.stream()
                .filter(s -> s != best && compare(quadrant, best, s).verdict() != Comparison.Verdict.A_BETTER).toList();
        return new Winner(quadrant, best, accuracy(quadrant, best), ties);
    }

    public Map<String, Winner> winners() {
        Map<String, Winner> w = new LinkedHashMap<>();
        quadrants().forEach(q -> w.put(q, winner(q)));
        return w;
    }

    /**
     * How an arm that a rule (or an advisor) expects to win did in a quadrant: it won beyond the noise, it
     * had the best mean but tied with other arms, it tied with the winner within the noise, or the winner
     * beat it beyond the noise (with the numbers).
     */
    public String check(String quadrant, Strategy expected) {
        Winner w = winner(quadrant);
        if (w.best() == expected && w.ties().isEmpty()) {
            return quadrant + ": " + expected.label() + " won beyond the noise, " + w.accuracy().percent();
        }
        if (w.best() == expected) {
            return quadrant + ": " + expected.label() + " has the best mean, " + w.accuracy().percent()
                    + ", but the experiment cannot tell it apart from "
                    + String.join(", ", w.ties().stream().map(Strategy::label).toList());
        }
        if (w.ties().contains(expected)) {
            return quadrant + ": " + expected.label() + " tied with the winner, " + w.best().label()
                    + ", within the noise: " + compare(quadrant, w.best(), expected).sentence();
        }
        return quadrant + ": " + expected.label() + " lost: " + compare(quadrant, w.best(), expected).sentence();
    }

    /** Per quadrant: the transfer arm with the best mean against training from scratch, paired by seed. */
    public Map<String, Comparison> gainsOverScratch() {
        if (!strategies.contains(Strategy.SCRATCH)) {
            throw new IllegalStateException(TEXT.get("ScenarioResults.noScratch", Strategy.SCRATCH.label()));
        }
        Map<String, Comparison> gains = new LinkedHashMap<>();
        for (String q : quadrants()) {
            strategies.stream().filter(s -> s != Strategy.SCRATCH)
                    .max(Comparator.comparingDouble(s -> accuracy(q, s).mean()))
                    .ifPresent(s -> gains.put(q, compare(q, s, Strategy.SCRATCH)));
        }
        return gains;
    }

    /** The best arm of a quadrant, its accuracy, and the arms it cannot be told apart from. */
    public record Winner(String quadrant, Strategy best, Estimate accuracy, List<Strategy> ties) {
        /** True when this arm won or tied with the winner within the noise. */
        public boolean includes(Strategy s) {
            return best == s || ties.contains(s);
        }

        public String sentence() {
            String lead = quadrant + ": " + best.label() + " has the best mean test accuracy, " + accuracy.percent();
            if (ties.isEmpty()) {
                return lead + "; it beats every other arm beyond the noise";
            }
            return lead + "; the experiment cannot tell it apart from "
                    + String.join(", ", ties.stream().map(Strategy::label).toList());
        }

        @Override
        public String toString() {
            return sentence();
        }
    }

    /** Grouped bars: test accuracy (%) per quadrant and arm, with 95% intervals as error bars. */
    public CategoryChart chart() {
        int seeds = runs(quadrants().get(0), strategies.get(0)).size();
        ErrorBars bars = ErrorBars.titled("Four scenarios: test accuracy, mean of " + seeds + " seeds with 95% intervals")
                .axes("target", "test accuracy (%)").upTo(100);
        for (Strategy s : strategies) {
            for (String q : quadrants()) {
                Estimate e = accuracy(q, s).times(100);
                bars.bar(s.label(), q, e.mean(), e.halfWidth());
            }
        }
        return bars.chart();
    }

    /** One row per quadrant and arm: mean test accuracy, its 95% interval, seeds, epochs chosen. */
    public Table table() {
        StringColumn quadrant = StringColumn.create("target");
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn accuracy = StringColumn.create("test accuracy % (95% CI)");
        IntColumn seeds = IntColumn.create("seeds");
        StringColumn epochs = StringColumn.create("epochs chosen by validation");
        for (String q : quadrants()) {
            for (Strategy s : strategies) {
                Estimate e = accuracy(q, s).times(100);
                quadrant.append(q);
                strategy.append(s.label());
                accuracy.append(e.brief("%.1f"));
                seeds.append(e.n());
                epochs.append(runs(q, s).stream().map(r -> r.chosenEpoch() + "/" + r.epochs()).toList().toString());
            }
        }
        return Table.create("Four scenarios (source " + source + "): test accuracy", quadrant, strategy, accuracy, seeds, epochs);
    }

    /** The numbers as data: per quadrant, per arm, the runs and their summary; the winners. */
    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "scenario-grid");
        out.put("source", source);
        Map<String, Object> qs = new LinkedHashMap<>();
        for (String q : quadrants()) {
            Map<String, Object> arms = new LinkedHashMap<>();
            for (Strategy s : strategies) {
                Estimate e = accuracy(q, s);
                Map<String, Object> arm = new LinkedHashMap<>();
                arm.put("test", Arms.estimate(e));
                arm.put("runs", runs(q, s).stream().map(Arms::run).toList());
                arms.put(s.name(), arm);
            }
            Winner w = winner(q);
            Map<String, Object> quadrant = new LinkedHashMap<>();
            quadrant.put("arms", arms);
            quadrant.put("winner", w.best().name());
            quadrant.put("ties", w.ties().stream().map(Strategy::name).toList());
            qs.put(q, quadrant);
        }
        out.put("quadrants", qs);
        return out;
    }
}
