package org.tl4j.grading;

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
        if (!same(actual, expected)) {
            String found = String.valueOf(actual), wanted = String.valueOf(expected);
            if (found.equals(wanted) && actual != null && expected != null) {
                found += " (" + article(actual.getClass().getSimpleName()) + ")";
                wanted += " (" + article(expected.getClass().getSimpleName()) + ")";
            }
            throw new AssertionError(what + " should be " + wanted + ", but it is " + found + ".");
        }
        return "ok: " + what + " = " + actual;
    }

    /** Equal values; whole numbers compare by value whatever their type (5 equals 5L). */
    static boolean same(Object actual, Object expected) {
        if (isWhole(actual) && isWhole(expected)) {
            return ((Number) actual).longValue() == ((Number) expected).longValue();
        }
        return actual == null ? expected == null : actual.equals(expected);
    }

    private static boolean isWhole(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
    }

    /** "an Integer (2)", "a String (b)": a value with its type, for error messages. */
    static String typed(Object value) {
        return article(value.getClass().getSimpleName()) + " (" + value + ")";
    }

    static String article(String type) {
        return ("AEIOU".indexOf(type.isEmpty() ? 'x' : type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /** A condition, with the advice to show when it does not hold. */
    public static String that(String what, boolean condition, String advice) {
        if (!condition) {
            throw new AssertionError(what + ": not yet. " + advice);
        }
        return "ok: " + what;
    }

    /** One of a fixed set of choices (a letter, an enum constant); the error lists them. */
    public static String oneOf(String what, Object actual, Object... choices) {
        for (Object c : choices) {
            if (c.equals(actual)) {
                return "ok: " + what + " = " + actual + " (one of the choices; graded when your work is collected)";
            }
        }
        String type = choices.length == 0 ? "" : " (" + article(choices[0].getClass().getSimpleName()) + ")";
        throw new AssertionError(what + " should be one of " + java.util.Arrays.toString(choices) + type + ", but it is "
                + (actual == null ? "null" : typed(actual)) + ".");
    }

    /** An array of the expected shape whose every element is within a tolerance of the expected one. */
    public static String arrays(String what, Object actual, org.nd4j.linalg.api.ndarray.INDArray expected, double tolerance) {
        if (!(actual instanceof org.nd4j.linalg.api.ndarray.INDArray a)) {
            throw new AssertionError(what + " should be an INDArray, but it is " + (actual == null ? "null" : typed(actual)) + ".");
        }
        if (!java.util.Arrays.equals(a.shape(), expected.shape())) {
            throw new AssertionError(what + " should have shape " + java.util.Arrays.toString(expected.shape()) + ", but it has "
                    + java.util.Arrays.toString(a.shape()) + ".");
        }
        org.nd4j.linalg.api.ndarray.INDArray gap = org.nd4j.linalg.ops.transforms.Transforms.abs(
                a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(expected.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)), false);
        double worst = gap.maxNumber().doubleValue();
        if (!(worst <= tolerance)) {
            long[] at = org.nd4j.linalg.api.shape.Shape.ind2subC(gap, gap.argMax().getLong(0));
            throw new AssertionError(String.format(Locale.ROOT, "%s differs from the expected values: by %.3g at %s (tolerance %s).",
                    what, worst, java.util.Arrays.toString(at), tolerance));
        }
        return "ok: " + what + " has shape " + java.util.Arrays.toString(a.shape()) + " and the expected values";
    }

    /** The answer's value as a number, or an error that names the type that was given instead. */
    static double number(String what, Object actual) {
        if (actual instanceof Number n) {
            return n.doubleValue();
        }
        throw new AssertionError(what + " should be a number, but it is "
                + (actual == null ? "null" : typed(actual)) + ".");
    }
}
