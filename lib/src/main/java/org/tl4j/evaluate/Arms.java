package org.tl4j.evaluate;

import org.knowm.xchart.CategoryChart;
import org.tl4j.course.Messages;
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
 * The runs of an experiment's arms on one target, one {@link Run} per seed and arm, every arm on the
 * same seeds (so arms compare pair by pair). Figures are test accuracies of the epochs validation chose.
 */
public final class Arms extends TabledResult {
    private static final Messages TEXT = Messages.of(Arms.class);
    private final String title;
    private final Map<String, List<Run>> runs = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Double>>> measures = new LinkedHashMap<>();

    public Arms(String title) {
        this.title = title;
    }

    /** Records one run of an arm (seeds in the same order for every arm). */
    public Arms add(String arm, Run run) {
        runs.computeIfAbsent(arm, a -> new ArrayList<>()).add(run);
        return this;
    }

    /** Records another figure of an arm's latest run (e.g. how far conv1 moved), one value per seed. */
    public Arms measure(String arm, String measure, double value) {
        measures.computeIfAbsent(measure, m -> new LinkedHashMap<>()).computeIfAbsent(arm, a -> new ArrayList<>()).add(value);
        return this;
    }

    /** The names of the other figures recorded with {@link #measure}. */
    public List<String> measures() {
        return new ArrayList<>(measures.keySet());
    }

    /** One of the other figures of an arm, over the seeds. */
    public Estimate measured(String arm, String measure) {
        Map<String, List<Double>> m = measures.get(measure);
        if (m == null) {
            throw new IllegalArgumentException(TEXT.get("Arms.notMeasured", measure, measures()));
        }
        List<Double> values = m.get(arm);
        if (values == null) {
            runs(arm); // names the arms when this one does not exist
            throw new IllegalArgumentException(TEXT.get("Arms.notMeasuredForArm", measure, arm));
        }
        return Estimate.of(values);
    }

    public String title() {
        return title;
    }

    /** The arms in the order they first ran. */
    public List<String> arms() {
        return new ArrayList<>(runs.keySet());
    }

    public List<Run> runs(String arm) {
        List<Run> r = runs.get(arm);
        if (r == null) {
            throw new IllegalArgumentException(TEXT.get("Arms.noArm", arm, arms()));
        }
        return r;
    }

    /** Test accuracy of one arm over the seeds (interval within [0, 1]). */
    public Estimate accuracy(String arm) {
        return Estimate.of(testAccuracies(arm)).within(0, 1);
    }

    private List<Double> testAccuracies(String arm) {
        return runs(arm).stream().map(Run::testAccuracy).toList();
    }

    /** A - B, paired by seed. */
    public Comparison compare(String a, String b) {
        return Comparison.paired(a, testAccuracies(a), b, testAccuracies(b));
    }

    /** A - B for one of the other figures (e.g. source accuracy after tuning), paired by seed. */
    public Comparison compareMeasured(String measure, String a, String b) {
        return Comparison.paired(a, measured(a, measure).values(), b, measured(b, measure).values());
    }

    /** The arm with the best mean, and the arms it does not beat beyond the noise. */
    public Best best() {
        String top = arms().stream().max(Comparator.comparingDouble(a -> accuracy(a).mean())).orElseThrow();
        List<String> ties = arms().stream()
                .filter(a -> !a.equals(top) && compare(top, a).verdict() != Comparison.Verdict.A_BETTER).toList();
        return new Best(top, accuracy(top), ties);
    }

    /** The best arm and those the experiment cannot tell from it. */
    public record Best(String arm, Estimate accuracy, List<String> ties) {
        public String sentence() {
            String s = arm + " has the best test accuracy, " + accuracy.percent();
            return ties.isEmpty() ? s + ", beyond the noise against every other arm"
                    : s + "; no difference this experiment can see from " + String.join(", ", ties);
        }

        @Override
        public String toString() {
            return sentence();
        }
    }

    /** One bar per arm: mean test accuracy (%) with its 95% interval. */
    public CategoryChart chart() {
        ErrorBars bars = ErrorBars.titled(title + ": mean of " + seeds() + " seeds with 95% intervals")
                .axes("arm", "test accuracy (%)").upTo(100);
        for (String a : arms()) {
            Estimate e = accuracy(a).times(100);
            bars.bar("test accuracy", a, e.mean(), e.halfWidth());
        }
        return bars.chart();
    }

    /** One row per arm: mean test accuracy, its interval, seeds, epochs chosen. */
    public Table table() {
        StringColumn arm = StringColumn.create("arm");
        StringColumn accuracy = StringColumn.create("test accuracy % (95% CI)");
        IntColumn seeds = IntColumn.create("seeds");
        StringColumn epochs = StringColumn.create("epochs chosen by validation");
        List<StringColumn> other = measures().stream().map(StringColumn::create).toList();
        for (String a : arms()) {
            Estimate e = accuracy(a).times(100);
            arm.append(a);
            accuracy.append(e.brief("%.1f"));
            seeds.append(e.n());
            epochs.append(runs(a).stream().map(r -> r.chosenEpoch() + "/" + r.epochs()).toList().toString());
            for (StringColumn c : other) {
                c.append(measures.get(c.name()).containsKey(a) ? measured(a, c.name()).brief("%.3f") : "");
            }
        }
        Table t = Table.create(title + ": test accuracy", arm, accuracy);
        other.forEach(t::addColumns);
        return t.addColumns(seeds, epochs);
    }

    public int seeds() {
        return runs.isEmpty() ? 0 : runs.values().iterator().next().size();
    }

    /** The numbers as data: per arm its runs and summary; the best arm and its ties. */
    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "arms");
        out.put("title", title);
        Map<String, Object> arms = new LinkedHashMap<>();
        for (String a : arms()) {
            Map<String, Object> arm = new LinkedHashMap<>();
            arm.put("test", estimate(accuracy(a)));
            arm.put("runs", runs(a).stream().map(Arms::run).toList());
            for (String m : measures()) {
                if (measures.get(m).containsKey(a)) {
                    arm.put(m, estimate(measured(a, m)));
                }
            }
            arms.put(a, arm);
        }
        out.put("arms", arms);
        Best b = best();
        out.put("best", b.arm());
        out.put("ties", b.ties());
        return out;
    }

    /** An estimate as data: mean, interval (null with one seed), seeds. */
    public static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", e.mean());
        m.put("low", Double.isNaN(e.low()) ? null : e.low());
        m.put("high", Double.isNaN(e.high()) ? null : e.high());
        m.put("n", e.n());
        return m;
    }

    /** A comparison as data: A, B, the difference A - B and the verdict. */
    public static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", c.a());
        m.put("b", c.b());
        m.put("difference", estimate(c.difference()));
        m.put("verdict", c.verdict().name());
        return m;
    }

    /** A run as data. */
    public static Map<String, Object> run(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", r.seed());
        m.put("chosenEpoch", r.chosenEpoch());
        m.put("epochs", r.epochs());
        m.put("validation", r.validationAccuracy());
        m.put("test", r.testAccuracy());
        return m;
    }
}
