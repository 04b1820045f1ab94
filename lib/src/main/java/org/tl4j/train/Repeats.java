package org.tl4j.train;

import java.util.List;

/** The accuracies of one experiment repeated with several seeds, summed up as the course reports them. */
public record Repeats(List<Double> values) {

    public double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Largest minus smallest: how far apart the seeds landed (0 for a single run). */
    public double spread() {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return max - min;
    }
}
