package org.tl4j.evaluate;

import org.apache.commons.math3.distribution.TDistribution;
import org.tl4j.course.Messages;

import java.util.List;
import java.util.Locale;

/**
 * A quantity measured once per seed (an accuracy, a gain), summed up as a statistician would: the mean,
 * the standard deviation of the runs and a 95% confidence interval for the mean, from Student's t
 * distribution. With one run there is no interval (NaN bounds): one seed cannot say how much seeds matter.
 */
public record Estimate(List<Double> values, double mean, double sd, double low, double high) {
    private static final Messages TEXT = Messages.of(Estimate.class);
    public static final double LEVEL = 0.95;

    public Estimate {
        values = List.copyOf(values);
    }

    public static Estimate of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("Estimate.noRuns"));
        }
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new Estimate(values, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Estimate(values, mean, sd, mean - half, mean + half);
    }

    public static Estimate of(double... values) {
        return of(java.util.Arrays.stream(values).boxed().toList());
    }

    /** The two-sided 95% quantile of Student's t with these degrees of freedom (12.71 for 1, 2.78 for 4). */
    static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /** How many runs (seeds). */
    public int n() {
        return values.size();
    }

    /** Half the width of the interval: the "±" of the mean. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** True when the whole interval lies above (or below) v; false with one run. */
    public boolean excludes(double v) {
        return n() > 1 && (low > v || high < v);
    }

    /** The same estimate scaled, e.g. by 100 for percentage points. */
    public Estimate times(double k) {
        List<Double> scaled = values.stream().map(v -> v * k).toList();
        return k >= 0 ? new Estimate(scaled, mean * k, sd * k, low * k, high * k)
                : new Estimate(scaled, mean * k, -sd * k, high * k, low * k);
    }

    /**
     * The interval cut to the range the quantity can take (an accuracy lies in [0, 1]): the t interval of a
     * few seeds can reach past it, and the cut interval still holds the mean with at least 95% confidence.
     */
    public Estimate within(double min, double max) {
        return new Estimate(values, mean, sd, Math.max(min, low), Math.min(max, high));
    }

    /** e.g. "87.3 (95% CI 85.1 to 89.5, 5 seeds)" for an accuracy shown in percent. */
    public String percent() {
        return times(100).describe("%.1f");
    }

    /** The mean and interval in this format, e.g. describe("%+.1f") gives "+2.1 (95% CI +0.4 to +3.8, 5 seeds)". */
    public String describe(String format) {
        String m = String.format(Locale.ROOT, format, mean);
        if (n() == 1) {
            return m + " (1 seed: no interval)";
        }
        return m + String.format(Locale.ROOT, " (95%% CI " + format + " to " + format + ", %d seeds)", low, high, n());
    }

    /** The mean and interval for a table cell, e.g. brief("%.1f") gives "87.3 (85.1 to 89.5)". */
    public String brief(String format) {
        String m = String.format(Locale.ROOT, format, mean);
        return n() == 1 ? m + " (one seed)" : m + String.format(Locale.ROOT, " (" + format + " to " + format + ")", low, high);
    }

    @Override
    public String toString() {
        return describe("%.4f");
    }
}
