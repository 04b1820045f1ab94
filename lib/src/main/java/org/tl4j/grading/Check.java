package org.tl4j.grading;

import org.tl4j.course.Messages;

/**
 * The checks of the graded exercises. Each one compares a student's answer with a value it is
 * given (or computes itself) and, when they differ, throws an AssertionError that says what was
 * expected, what was found and where to look. When they agree it returns a short confirmation.
 */
public final class Check {
    static final Messages TEXT = Messages.of(Check.class);

    private Check() {
    }

    /** A number within a tolerance of the expected value. */
    public static String close(String what, Object actual, double expected, double tolerance) {
        double value = number(what, actual);
        if (Double.isNaN(value) || Math.abs(value - expected) > tolerance) {
            throw new AssertionError(TEXT.get("Check.notClose", what, expected, tolerance, value));
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
            throw new AssertionError(TEXT.get("Check.notEqual", what, wanted, found));
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

    /** "an Integer (2)", "a String (b)" ("do tipo Integer (2)"): a value with its type, for error messages. */
    static String typed(Object value) {
        return article(value.getClass().getSimpleName()) + " (" + value + ")";
    }

    static String article(String type) {
        boolean vowel = "AEIOU".indexOf(type.isEmpty() ? 'x' : type.charAt(0)) >= 0;
        return TEXT.get(vowel ? "Check.articleAn" : "Check.articleA", type);
    }

    /** A condition, with the advice to show when it does not hold. */
    public static String that(String what, boolean condition, String advice) {
        if (!condition) {
            throw new AssertionError(TEXT.get("Check.notYet", what, advice));
        }
        return "ok: " + what;
    }

    /** One of a fixed set of choices (a letter, an enum constant); the error lists them. */
    public static String oneOf(String what, Object actual, Object... choices) {
        for (Object c : choices) {
            if (c.equals(actual)) {
                return "ok: " + TEXT.get("Check.oneOfTheChoices", what, actual);
            }
        }
        String type = choices.length == 0 ? "" : " (" + article(choices[0].getClass().getSimpleName()) + ")";
        throw new AssertionError(TEXT.get("Check.notOneOf", what, java.util.Arrays.toString(choices), type,
                actual == null ? "null" : typed(actual)));
    }

    /** An array of the expected shape whose every element is within a tolerance of the expected one. */
    public static String arrays(String what, Object actual, org.nd4j.linalg.api.ndarray.INDArray expected, double tolerance) {
        if (!(actual instanceof org.nd4j.linalg.api.ndarray.INDArray a)) {
            throw new AssertionError(TEXT.get("Check.notAnArray", what, actual == null ? "null" : typed(actual)));
        }
        if (!java.util.Arrays.equals(a.shape(), expected.shape())) {
            throw new AssertionError(TEXT.get("Check.wrongShape", what, java.util.Arrays.toString(expected.shape()),
                    java.util.Arrays.toString(a.shape())));
        }
        org.nd4j.linalg.api.ndarray.INDArray gap = org.nd4j.linalg.ops.transforms.Transforms.abs(
                a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(expected.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)), false);
        double worst = gap.maxNumber().doubleValue();
        if (!(worst <= tolerance)) {
            long[] at = org.nd4j.linalg.api.shape.Shape.ind2subC(gap, gap.argMax().getLong(0));
            throw new AssertionError(TEXT.get("Check.arraysDiffer",
                    what, worst, java.util.Arrays.toString(at), tolerance));
        }
        return "ok: " + TEXT.get("Check.arraysAgree", what, java.util.Arrays.toString(a.shape()));
    }

    /** The answer's value as a number, or an error that names the type that was given instead. */
    static double number(String what, Object actual) {
        if (actual instanceof Number n) {
            return n.doubleValue();
        }
        throw new AssertionError(TEXT.get("Check.notANumber", what, actual == null ? "null" : typed(actual)));
    }
}
