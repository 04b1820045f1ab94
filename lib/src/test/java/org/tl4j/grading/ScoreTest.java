package org.tl4j.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

class ScoreTest {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(out);
        System.setErr(err);
    }

    private String said() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCheckWeighsTheSameAndTheTextIsThePointsAlone() {
        Score s = Score.outOf(3).lookAt("lesson 1, the chain rule")
                .close("a", () -> 1.0, 1.0, 1e-9)
                .close("b", () -> 2.0, 1.0, 1e-9)
                .equal("c", () -> 5L, 5)
                .choice("d", () -> "b", "b")
                .oneOf("e", () -> "z", "a", "b");  // a form check: counts nothing, says what is wrong
        assertEquals(2.25, s.earned());
        assertEquals("2.25", s.render().text());
        assertEquals(2.25, Double.parseDouble(s.render().text()));  // what nbgrader reads as partial credit
        assertTrue(s.render().html().contains("3 of 4 checks passed: 2.25 of 3 points. Look again at lesson 1, the chain rule."));
        assertTrue(said().contains("\u2713 a = 1.0"), said());
        assertTrue(said().contains("\u2717 b should be 1.0 (within 1.0E-9), but it is 2.0."), said());
        assertTrue(said().contains("\u2717 e should be one of [a, b]"), said());
    }

    @Test
    void formChecksAloneShowFullPointsWhenTheyPassSoValidatePasses() {
        Score student = Score.outOf(2).oneOf("answer3", () -> "a", "a", "b", "c").form("p", () -> true, "");
        assertEquals(2.0, student.earned());
        assertTrue(student.render().html().contains("graded when your work is collected"));
        assertEquals(0.0, Score.outOf(2).oneOf("answer3", () -> 2, "a", "b").form("p", () -> true, "").earned());
        Score graded = Score.outOf(1).oneOf("answer3", () -> "a", "a", "b").choice("answer3", () -> "a", "b");
        assertEquals(0.0, graded.earned());  // a valid but wrong letter earns nothing
    }

    @Test
    void pointsRoundToTwoDecimalsAndAllOrNothingIsExact() {
        assertEquals("0.67", Score.outOf(2).that("x", () -> true, "").that("y", () -> false, "advice")
                .that("z", () -> false, "advice").render().text());
        Score all = Score.outOf(2).that("x", () -> true, "");
        assertEquals(2.0, all.earned());
        assertFalse(all.render().html().contains("Look again"));
        assertEquals("0.0", Score.outOf(2).render().text());  // no check run: nothing earned
    }

    @Test
    void anAnswerThatThrowsFailsItsCheckAndTheNextOnesStillRun() {
        Score s = Score.outOf(2)
                .close("f(0)", () -> {
                    throw new UnsupportedOperationException("not implemented yet");
                }, 0.25, 1e-9)
                .close("g(0)", () -> 0.25, 0.25, 1e-9);
        assertEquals(1.0, s.earned());
        assertTrue(said().contains("\u2717 f(0): your code threw UnsupportedOperationException (not implemented yet)."), said());
        Score deep = Score.outOf(1).close("h(0)", ScoreTest::recurse, 0, 0);
        assertEquals(0.0, deep.earned());
        assertTrue(said().contains("StackOverflowError"), said());
    }

    private static double recurse() {
        return recurse() + 1;
    }

    @Test
    void aStoppedCellOrAFullHeapIsNotSwallowed() {
        assertThrows(OutOfMemoryError.class, () -> Score.outOf(1).close("x", () -> {
            throw new OutOfMemoryError("Java heap space");
        }, 0, 0));
    }

    @Test
    void errorOutputOfTheAnswerBecomesOrdinaryOutput() {
        Score s = Score.outOf(1).close("f(0)", () -> {
            System.err.println("debugging f");
            return 0.25;
        }, 0.25, 1e-9);
        assertEquals(1.0, s.earned());
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
        assertTrue(said().contains("(your code printed to System.err: debugging f)"), said());
    }

    @Test
    void aWrongChoiceDoesNotGiveTheRightOneAway() {
        Score s = Score.outOf(1).choice("answer3", () -> "a", "b");
        assertEquals(0.0, s.earned());
        assertTrue(said().contains("answer3 = a is not the best choice."), said());
        assertFalse(said().matches("(?s).*\\bb\\b.*"), said());  // no word "b" anywhere
        assertEquals(1.0, Score.outOf(1).choice("answer3", () -> "b", "b").earned());
    }

    @Test
    void aCellIsWorthSomething() {
        assertThrows(IllegalArgumentException.class, () -> Score.outOf(0));
    }
}
