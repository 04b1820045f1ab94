package org.tl4j.transfer;

import org.junit.jupiter.api.Test;
import org.tl4j.evaluate.Comparison;
import org.tl4j.train.Run;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result-reading helpers of the scenario and layer-transfer experiments, on hand-made runs. */
class ScenarioResultsTest {
    static final String A = "a (small)";

    /** Test accuracies per seed for scratch, feature extractor and fine-tune all in quadrant "a (small)". */
    static ScenarioResults results(double[] scratch, double[] extractor, double[] all) {
        ScenarioResults r = new ScenarioResults("src", List.of(Strategy.SCRATCH, Strategy.FEATURE_EXTRACTOR, Strategy.FINE_TUNE_ALL));
        for (int k = 0; k < scratch.length; k++) {
            r.add(A, Strategy.SCRATCH, run(k, scratch[k]));
            r.add(A, Strategy.FEATURE_EXTRACTOR, run(k, extractor[k]));
            r.add(A, Strategy.FINE_TUNE_ALL, run(k, all[k]));
        }
        return r;
    }

    static Run run(int k, double test) {
        return new Run("r", 100 + k, 3, 5, test + 0.01, test, 1.0);
    }

    @Test
    void theWinnerAndTheArmsTheNoiseCannotSeparateFromIt() {
        ScenarioResults r = results(new double[]{0.80, 0.82, 0.78, 0.81, 0.79}, new double[]{0.90, 0.91, 0.89, 0.92, 0.90},
                new double[]{0.89, 0.92, 0.88, 0.90, 0.91});
        ScenarioResults.Winner w = r.winner(A);
        assertEquals(Strategy.FEATURE_EXTRACTOR, w.best());
        assertEquals(List.of(Strategy.FINE_TUNE_ALL), w.ties(), "fine-tune all is within the noise of the winner");
        assertTrue(w.includes(Strategy.FINE_TUNE_ALL) && !w.includes(Strategy.SCRATCH));
        assertTrue(w.sentence().contains("cannot tell it apart from fine-tune all"), w.sentence());
        Comparison gain = r.gainsOverScratch().get(A);
        assertEquals("feature extractor", gain.a());
        assertEquals(0.104, gain.difference().mean(), 1e-9);
        assertEquals(Comparison.Verdict.A_BETTER, gain.verdict());
        assertEquals(0.904, r.accuracy(A, Strategy.FEATURE_EXTRACTOR).mean(), 1e-9);
    }

    @Test
    void askingForAnArmOrQuadrantThatDidNotRunSaysWhatDid() {
        ScenarioResults r = results(new double[]{0.8}, new double[]{0.9}, new double[]{0.85});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.accuracy(A, Strategy.EARLY_LAYERS));
        assertTrue(e.getMessage().contains("did not run"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.accuracy("b (large)", Strategy.SCRATCH));
        assertTrue(e.getMessage().contains("[a (small)]"), e.getMessage());
        assertEquals(List.of(Strategy.SCRATCH, Strategy.FINE_TUNE_ALL), r.winner(A).ties(), "one seed cannot separate arms");
    }

    @Test
    void frozenGainsOverScratchPerDepth() {
        org.tl4j.evaluate.Arms arms = new org.tl4j.evaluate.Arms("sweep");
        double[][] acc = {{0.80, 0.82}, {0.85, 0.88}, {0.70, 0.71}}; // scratch, frozen k=1, frozen k=2; two seeds
        String[] names = {"scratch", "frozen k=1", "frozen k=2"};
        for (int seed = 0; seed < 2; seed++) {
            for (int a = 0; a < 3; a++) {
                arms.add(names[a], new org.tl4j.train.Run(names[a], seed, 1, 1, 0, acc[a][seed], 0));
            }
        }
        var gains = new LayerTransfer.Result("t", List.of("conv1", "fc"), arms).frozenGainsOverScratch();
        assertEquals(List.of("conv1", "fc"), List.copyOf(gains.keySet()));
        assertEquals(0.055, gains.get("conv1").difference().mean(), 1e-12);
        assertEquals(-0.105, gains.get("fc").difference().mean(), 1e-12);
    }
}
