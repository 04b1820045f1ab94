package org.tl4j.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckTest {
    @Test
    void closeAcceptsWithinToleranceAndExplainsOtherwise() {
        assertEquals("ok: f(0) = 0.25000000001", Check.close("f(0)", 0.25000000001, 0.25, 1e-9));
        AssertionError e = assertThrows(AssertionError.class, () -> Check.close("f(0)", 0.5, 0.25, 1e-9));
        assertEquals("f(0) should be 0.25 (within 1.0E-9), but it is 0.5.", e.getMessage());
        assertThrows(AssertionError.class, () -> Check.close("f(0)", Double.NaN, 0.25, 1e-9));
    }

    @Test
    void aWrongTypeIsNamed() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.close("f(0)", "0.25", 0.25, 1e-9));
        assertEquals("f(0) should be a number, but it is a String (0.25).", e.getMessage());
        e = assertThrows(AssertionError.class, () -> Check.close("f(0)", null, 0.25, 1e-9));
        assertTrue(e.getMessage().contains("null"));
    }

    @Test
    void equalAndThat() {
        assertEquals("ok: layers = 4", Check.equal("layers", 4, 4));
        AssertionError e = assertThrows(AssertionError.class, () -> Check.equal("frozen layers", 2, 4));
        assertEquals("frozen layers should be 4, but it is 2.", e.getMessage());
        e = assertThrows(AssertionError.class, () -> Check.that("loss decreases", false, "Lower the learning rate."));
        assertEquals("loss decreases: not yet. Lower the learning rate.", e.getMessage());
    }

    @Test
    void wholeNumbersCompareByValueAndLookalikesNameTheirTypes() {
        assertEquals("ok: outputs = 5", Check.equal("outputs", 5L, 5));
        AssertionError e = assertThrows(AssertionError.class, () -> Check.equal("answer", "5", 5));
        assertEquals("answer should be 5 (an Integer), but it is 5 (a String).", e.getMessage());
    }

    @Test
    void oneOfListsTheChoices() {
        assertTrue(Check.oneOf("answer3", "b", "a", "b", "c").startsWith("ok: answer3 = b"));
        AssertionError e = assertThrows(AssertionError.class, () -> Check.oneOf("answer3", 2, "a", "b", "c"));
        assertEquals("answer3 should be one of [a, b, c] (a String), but it is an Integer (2).", e.getMessage());
    }
}
