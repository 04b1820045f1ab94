package org.tl4j.evaluate;

import org.tl4j.course.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * Two arms of an experiment run on the same seeds, seed k of one paired with seed k of the other (same
 * data drawn, same start): the difference per seed, its 95% interval, and the one rule the course
 * draws a conclusion by. A beats B only when the interval of A - B lies wholly above 0; otherwise the
 * experiment cannot tell them apart, whatever the means say.
 */
public record Comparison(String a, String b, Estimate difference) {
    private static final Messages TEXT = Messages.of(Comparison.class);

    /** What the experiment allows one to say. */
    public enum Verdict {
        A_BETTER, B_BETTER, CANNOT_TELL
    }

    /** A - B per seed; both lists hold one value per seed, in the same seed order. Accuracies: A - B lies in [-1, 1]. */
    public static Comparison paired(String a, List<Double> aValues, String b, List<Double> bValues) {
        if (aValues.size() != bValues.size()) {
            throw new IllegalArgumentException(TEXT.get("Comparison.seedsDiffer",
                    a, aValues.size(), b, bValues.size()));
        }
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < aValues.size(); i++) {
            d.add(aValues.get(i) - bValues.get(i));
        }
        return new Comparison(a, b, Estimate.of(d).within(-1, 1));
    }

    public Verdict verdict() {
        if (!difference.excludes(0)) {
            return Verdict.CANNOT_TELL;
        }
        return difference.mean() > 0 ? Verdict.A_BETTER : Verdict.B_BETTER;
    }

    /** The arm that is better beyond the noise, or null when the experiment cannot tell. */
    public String better() {
        return switch (verdict()) {
            case A_BETTER -> a;
            case B_BETTER -> b;
            case CANNOT_TELL -> null;
        };
    }

    /** The verdict in words, with the numbers it rests on (differences of accuracies, in points). */
    public String sentence() {
        return switch (verdict()) {
            case A_BETTER -> a + " beats " + b + " by " + points(difference);
            case B_BETTER -> b + " beats " + a + " by " + points(difference.times(-1));
            case CANNOT_TELL -> "no difference this experiment can see between " + a + " and " + b + ": " + a + " - " + b
                    + " = " + points();
        };
    }

    /** A - B in accuracy points with its interval, e.g. "+2.1 points (95% CI +0.4 to +3.8, 5 seeds)". */
    public String points() {
        return points(difference);
    }

    private static String points(Estimate d) {
        return d.times(100).describe("%+.1f").replaceFirst(" ", " points ");
    }

    @Override
    public String toString() {
        return sentence();
    }
}
