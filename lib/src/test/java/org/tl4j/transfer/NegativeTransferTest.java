package org.tl4j.transfer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gains over scratch and their verdicts, on hand-made runs: negative only beyond the noise. */
class NegativeTransferTest {
    static final double[] SCRATCH = {0.80, 0.82, 0.78, 0.81, 0.79};

    @Test
    void negativeTransferOnlyWhereScratchWinsBeyondTheNoise() {
        ScenarioResults good = ScenarioResultsTest.results(SCRATCH, new double[]{0.90, 0.91, 0.89, 0.92, 0.90},
                new double[]{0.81, 0.80, 0.80, 0.82, 0.78});
        ScenarioResults bad = ScenarioResultsTest.results(SCRATCH, new double[]{0.70, 0.71, 0.69, 0.72, 0.70},
                new double[]{0.79, 0.83, 0.77, 0.80, 0.80});
        NegativeTransfer n = NegativeTransfer.compare().source("good", good).source("bad", bad);
        List<NegativeTransfer.Gain> gains = n.gains();
        assertEquals(4, gains.size());
        assertTrue(gains.get(0).positive(), gains.get(0).sentence());
        assertTrue(!gains.get(1).positive() && !gains.get(1).negative(), "fine-tune all from good is inside the noise");
        assertEquals(1, n.negatives().size());
        NegativeTransfer.Gain neg = n.negatives().get(0);
        assertEquals("bad", neg.source());
        assertEquals(Strategy.FEATURE_EXTRACTOR, neg.strategy());
        assertTrue(n.summary().startsWith("a (small) from bad, feature extractor: negative transfer, feature extractor - scratch = -9.6 points (95% CI"),
                n.summary());
        assertEquals(2, n.chart().getSeriesCollection().size());
        assertEquals(4, n.table().rowCount());
    }

    @Test
    void noNegativeTransferIsSaidAsSuch() {
        ScenarioResults good = ScenarioResultsTest.results(SCRATCH, new double[]{0.90, 0.91, 0.89, 0.92, 0.90},
                new double[]{0.81, 0.80, 0.80, 0.82, 0.78});
        assertTrue(NegativeTransfer.compare().source("good", good).summary().startsWith("no negative transfer this experiment can see"));
        String v = NegativeTransfer.verdict(good);
        assertTrue(v.contains("feature extractor on a (small): it paid off"), v);
        assertTrue(v.contains("fine-tune all on a (small): this experiment cannot tell it from training from scratch"), v);
    }

    @Test
    void aGridWithoutTheBaselineIsRefusedWithWhatToAdd() {
        ScenarioResults noBaseline = new ScenarioResults("src", List.of(Strategy.FEATURE_EXTRACTOR));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NegativeTransfer.compare().source("x", noBaseline));
        assertTrue(e.getMessage().contains("Strategy.SCRATCH"), e.getMessage());
    }
}
