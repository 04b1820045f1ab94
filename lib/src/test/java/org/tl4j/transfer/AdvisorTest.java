package org.tl4j.transfer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvisorTest {
    @Test
    void eachQuadrantGetsItsStrategyAndReasons() {
        assertEquals(Strategy.FEATURE_EXTRACTOR, Advisor.recommend(10, 0.9).strategy());
        assertEquals(Strategy.FINE_TUNE_TOP, Advisor.recommend(1000, 0.9).strategy());
        assertEquals(Strategy.EARLY_LAYERS, Advisor.recommend(10, 0.2).strategy());
        assertEquals(Strategy.FINE_TUNE_ALL, Advisor.recommend(1000, 0.2).strategy());
        String why = Advisor.recommend(Advisor.SMALL_BELOW - 1, Advisor.SIMILAR_FROM).toString();
        assertTrue(why.contains("(small)") && why.contains("(similar)"), why);
    }

    @Test
    void outOfRangeInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Advisor.recommend(0, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Advisor.recommend(10, 1.5));
        assertTrue(e.getMessage().contains("0 (chance) to 1"), e.getMessage());
    }
}
