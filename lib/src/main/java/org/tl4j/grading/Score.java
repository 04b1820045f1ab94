package org.tl4j.grading;

import org.tl4j.viz.Rendition;
import org.tl4j.viz.TableHtml;
import org.tl4j.viz.Visual;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The score of one graded cell: it runs the cell's checks, says under each one what passed and what
 * is wrong, and shows the points earned as the cell's result, which is how nbgrader reads partial
 * credit. Every check weighs the same: a cell worth 3 points with 4 checks, 3 of them passed, earns
 * 2.25. Form checks (a letter among the choices, a number in its range) earn nothing by themselves:
 * they say early that an answer cannot be right, and when a cell has nothing else (a student's copy,
 * whose real checks are hidden) passing them all shows as full points, so nbgrader's Validate passes.
 * The student's answers come in as lambdas ({@code () -> gradient(2, 1, 3, 4)[0]}), so an
 * answer that throws fails its check with a message instead of ending the cell; what it prints to
 * System.err is shown as ordinary output (nbgrader would take error output as a failed cell).
 *
 * <pre>
 * var q2Score = org.tl4j.grading.Score.outOf(3).lookAt("lesson 1, the chain rule");
 * q2Score.close("dL/dw at w=2, b=1, x=3, y=4", () -&gt; gradient(2, 1, 3, 4)[0], 9.0, 1e-9);
 * q2Score
 * </pre>
 */
public final class Score implements Visual {
    private static final int ERROR_OUTPUT_SHOWN = 500;

    private final double points;
    private String lookAt;
    private int checks;
    private int passed;
    private int forms;
    private int formsPassed;

    private Score(double points) {
        this.points = points;
    }

    /** A score of at most {@code points}. */
    public static Score outOf(double points) {
        if (!(points > 0)) {
            throw new IllegalArgumentException(Check.TEXT.get("Score.noPoints", points));
        }
        return new Score(points);
    }

    /** Where to look again when a check fails: a lesson and its section, not the answer. */
    public Score lookAt(String where) {
        this.lookAt = where;
        return this;
    }

    /** A number within a tolerance of the expected one. */
    public Score close(String what, Supplier<?> answer, double expected, double tolerance) {
        return run(what, () -> Check.close(what, answer.get(), expected, tolerance), true);
    }

    /** A value equal to the expected one (whole numbers compare by value whatever their type). */
    public Score equal(String what, Supplier<?> answer, Object expected) {
        return run(what, () -> Check.equal(what, answer.get(), expected), true);
    }

    /** An array of the expected shape whose elements are each within a tolerance of the expected ones. */
    public Score arrays(String what, Supplier<?> answer, org.nd4j.linalg.api.ndarray.INDArray expected, double tolerance) {
        return run(what, () -> Check.arrays(what, answer.get(), expected, tolerance), true);
    }

    /** A form check: one of the offered choices; it says which they are, not which one is right. */
    public Score oneOf(String what, Supplier<?> answer, Object... choices) {
        return run(what, () -> Check.oneOf(what, answer.get(), choices), false);
    }

    /** The right choice of a question; a wrong one hears where to look, never the right letter. */
    public Score choice(String what, Supplier<?> answer, Object right) {
        return run(what, () -> {
            Object given = answer.get();
            if (!Check.same(given, right)) {
                throw new AssertionError(Check.TEXT.get("Score.notTheBestChoice", what, given));
            }
            return "ok: " + what + " = " + given;
        }, true);
    }

    /** A condition, with the advice to show when it does not hold. */
    public Score that(String what, BooleanSupplier condition, String advice) {
        return run(what, () -> Check.that(what, condition.getAsBoolean(), advice), true);
    }

    /** A form check: a condition any answer worth grading meets, with the advice to show when it does not. */
    public Score form(String what, BooleanSupplier condition, String advice) {
        return run(what, () -> Check.that(what, condition.getAsBoolean(), advice), false);
    }

    /** Any check that throws an AssertionError saying what is wrong (those of {@link TransferCheck}). */
    public Score check(String what, Supplier<?> check) {
        return run(what, check, true);
    }

    /** Points earned so far, to two decimals. */
    public double earned() {
        if (checks == 0) {
            return forms > 0 && formsPassed == forms ? points : 0;
        }
        return Math.round(100 * points * passed / checks) / 100.0;
    }

    public double points() {
        return points;
    }

    public int checks() {
        return checks;
    }

    public int passed() {
        return passed;
    }

    private Score run(String what, Supplier<?> check, boolean counted) {
        if (counted) {
            checks++;
        } else {
            forms++;
        }
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String line;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Object confirmation = check.get();
            if (counted) {
                passed++;
            } else {
                formsPassed++;
            }
            line = "\u2713 " + (confirmation instanceof String s && s.startsWith("ok: ") ? s.substring(4) : what);
        } catch (AssertionError e) {
            line = "\u2717 " + e.getMessage();
        } catch (ThreadDeath | VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                throw e;  // a stopped cell, a full heap: not the check's business
            }
            line = "\u2717 " + Check.TEXT.get("Score.endlessRecursion", what);
        } catch (Throwable e) {
            line = "\u2717 " + Check.TEXT.get("Score.threw", what, e.getClass().getSimpleName(),
                    e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        } finally {
            System.setErr(err);
        }
        System.out.println(line);
        String stderr = printed.toString(StandardCharsets.UTF_8).strip();
        if (!stderr.isEmpty()) {
            System.out.println("  " + Check.TEXT.get("Score.printedToErr", shortened(stderr)));
        }
        return this;
    }

    private static String shortened(String text) {
        return text.length() <= ERROR_OUTPUT_SHOWN ? text : text.substring(0, ERROR_OUTPUT_SHOWN) + " ...";
    }

    private String summary() {
        if (checks == 0) {
            return Check.TEXT.get(formsPassed == forms && forms > 0 ? "Score.rightForm" : "Score.notTheRightForm");
        }
        String s = Check.TEXT.get("Score.passed", passed, checks, number(earned()), number(points));
        return passed < checks && lookAt != null ? Check.TEXT.get("Score.lookAgain", s, lookAt) : s + ".";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Plain text is the points alone (what nbgrader reads); HTML says it in words. */
    @Override
    public Rendition render() {
        return Rendition.text(String.valueOf(earned())).withHtml("<p><b>" + Check.TEXT.get("Score.title") + "</b>: " + TableHtml.escape(summary()) + "</p>");
    }

    @Override
    public String toString() {
        return summary();
    }
}
