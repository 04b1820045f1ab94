package org.tl4j.course;

import java.util.Locale;

/**
 * The checks of the graded exercises. Each one compares a student's answer with a value it is
 * given (or computes itself) and, when they differ, throws an AssertionError that says what was
 * expected, what was found and where to look. When they agree it returns a short confirmation.
 */
public final class Check {
    private Check() {
    }

    /** A number within a tolerance of the expected value. */
    public static String close(String what, Object actual, double expected, double tolerance) {
        double value = number(what, actual);
        if (Double.isNaN(value) || Math.abs(value - expected) > tolerance) {
            throw new AssertionError(String.format(Locale.ROOT, "%s should be %s (within %s), but it is %s.",
                    what, expected, tolerance, value));
        }
        return "ok: " + what + " = " + value;
    }

    /** Two values that must be equal. */
    public static String equal(String what, Object actual, Object expected) {
        if (actual == null ? expected != null : !actual.equals(expected)) {
            throw new AssertionError(what + " should be " + expected + ", but it is " + actual + ".");
        }
        return "ok: " + what + " = " + actual;
    }

    /** A condition, with the advice to show when it does not hold. */
    public static String that(String what, boolean condition, String advice) {
        if (!condition) {
            throw new AssertionError(what + ": not yet. " + advice);
        }
        return "ok: " + what;
    }

    /** The answer's value as a number, or an error that names the type that was given instead. */
    static double number(String what, Object actual) {
        if (actual instanceof Number n) {
            return n.doubleValue();
        }
        throw new AssertionError(what + " should be a number, but it is "
                + (actual == null ? "null" : "a " + actual.getClass().getSimpleName() + " (" + actual + ")") + ".");
    }
}
