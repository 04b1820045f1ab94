package org.tl4j.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Means, intervals and the one rule that turns a paired difference into a verdict. */
class EstimateTest {

    @Test
    void tIntervalOfFiveValuesMatchesTheTextbook() {
        // 1..5: mean 3, sd sqrt(2.5); t(4, 0.975) = 2.7764 from the tables, so the half-width is 1.9632
        Estimate e = Estimate.of(1, 2, 3, 4, 5);
        assertEquals(3.0, e.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), e.sd(), 1e-12);
        assertEquals(2.7764, Estimate.tQuantile(4), 1e-4);
        assertEquals(12.7062, Estimate.tQuantile(1), 1e-4);
        assertEquals(1.0368, e.low(), 1e-4);
        assertEquals(4.9632, e.high(), 1e-4);
        assertEquals(5, e.n());
        assertTrue(e.excludes(0.5) && !e.excludes(3));
        assertEquals("300.0 (95% CI 103.7 to 496.3, 5 seeds)", e.percent());
    }

    @Test
    void oneRunHasNoIntervalAndExcludesNothing() {
        Estimate e = Estimate.of(0.9);
        assertTrue(Double.isNaN(e.low()) && Double.isNaN(e.high()));
        assertFalse(e.excludes(0));
        assertTrue(e.percent().contains("1 seed: no interval"), e.percent());
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(List.of()));
    }

    @Test
    void pairingSeesADifferenceThatSeparateIntervalsHide() {
        // the seeds move both arms together; the arm a is 1 point better on every seed
        List<Double> a = List.of(0.80, 0.86, 0.91, 0.83, 0.88);
        List<Double> b = List.of(0.79, 0.848, 0.901, 0.818, 0.871);
        assertTrue(Estimate.of(a).low() < Estimate.of(b).high(), "the separate intervals overlap");
        Comparison c = Comparison.paired("a", a, "b", b);
        assertEquals(Comparison.Verdict.A_BETTER, c.verdict());
        assertEquals("a", c.better());
        assertTrue(c.sentence().startsWith("a beats b by +1.0 points (95% CI +0.9 to +1.2, 5 seeds)"), c.sentence());
        Comparison reversed = Comparison.paired("b", b, "a", a);
        assertEquals(Comparison.Verdict.B_BETTER, reversed.verdict());
        assertTrue(reversed.sentence().startsWith("a beats b by +1.0 points"), reversed.sentence());
    }

    @Test
    void aDifferenceInsideTheNoiseCannotBeTold() {
        Comparison c = Comparison.paired("a", List.of(0.80, 0.90, 0.85), "b", List.of(0.84, 0.86, 0.83));
        assertEquals(Comparison.Verdict.CANNOT_TELL, c.verdict());
        assertNull(c.better());
        assertTrue(c.sentence().startsWith("no difference this experiment can see between a and b"), c.sentence());
        assertEquals(Comparison.Verdict.CANNOT_TELL, Comparison.paired("a", List.of(0.9), "b", List.of(0.5)).verdict(),
                "one seed never gives a verdict");
        assertThrows(IllegalArgumentException.class, () -> Comparison.paired("a", List.of(0.9, 0.8), "b", List.of(0.5)));
    }
}
