package org.tl4j.transfer;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result-reading helpers of the scenario and layer-transfer experiments, on hand-made tables. */
class ScenarioResultsTest {
    private static Table grid() {
        return Table.create("g",
                StringColumn.create("target", "a", "a", "a", "b", "b"),
                StringColumn.create("size", "small", "small", "small", "large", "large"),
                StringColumn.create("strategy", "from scratch", "feature extractor", "fine-tune all", "from scratch", "fine-tune all"),
                DoubleColumn.create("accuracy (mean)", 0.80, 0.90, 0.85, 0.95, 0.93));
    }

    @Test
    void accuracyWinnersAndGainsPerQuadrant() {
        Table g = grid();
        assertEquals(0.85, ScenarioGrid.accuracy(g, "a (small)", "fine-tune all"));
        assertTrue(Double.isNaN(ScenarioGrid.accuracy(g, "b (large)", "feature extractor")));
        assertEquals("feature extractor", ScenarioGrid.winners(g).get("a (small)"));
        assertEquals("from scratch", ScenarioGrid.winners(g).get("b (large)"));
        assertEquals(0.10, ScenarioGrid.gainsOverScratch(g).get("a (small)"), 1e-12);
        assertEquals(-0.02, ScenarioGrid.gainsOverScratch(g).get("b (large)"), 1e-12);
    }

    @Test
    void frozenGainsOverScratchPerDepth() {
        Table t = Table.create("sweep",
                StringColumn.create("copied through", "(none: scratch)", "conv1", "conv1", "fc", "fc"),
                StringColumn.create("transferred layers", "scratch", "frozen", "fine-tuned", "frozen", "fine-tuned"),
                DoubleColumn.create("validation accuracy", 0.80, 0.85, 0.90, 0.70, 0.88));
        var gains = new LayerTransfer.Result(t, List.of()).frozenGainsOverScratch();
        assertEquals(List.of("conv1", "fc"), List.copyOf(gains.keySet()));
        assertEquals(0.05, gains.get("conv1"), 1e-12);
        assertEquals(-0.10, gains.get("fc"), 1e-12);
    }
}
