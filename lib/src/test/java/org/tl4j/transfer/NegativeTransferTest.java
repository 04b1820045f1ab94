package org.tl4j.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class NegativeTransferTest {
    private static Table results(double scratch, double extractor, double fineTune) {
        return Table.create("r",
                StringColumn.create("target", "t", "t", "t"),
                StringColumn.create("size", "small", "small", "small"),
                StringColumn.create("strategy", Strategy.SCRATCH.label(), Strategy.FEATURE_EXTRACTOR.label(), Strategy.FINE_TUNE_ALL.label()),
                DoubleColumn.create("accuracy (mean)", scratch, extractor, fineTune));
    }

    @Test
    void gainsAreDifferencesToTheSameQuadrantsBaseline() {
        Table gains = NegativeTransfer.compare().source("good", results(0.80, 0.90, 0.85))
                .source("bad", results(0.80, 0.70, 0.805)).gains();
        assertEquals(4, gains.rowCount());
        assertEquals(0.10, gains.doubleColumn(NegativeTransfer.GAIN).getDouble(0), 1e-9);
        assertEquals(-0.10, gains.doubleColumn(NegativeTransfer.GAIN).getDouble(2), 1e-9);
        String summary = NegativeTransfer.summary(gains);
        assertTrue(summary.contains("t (small) from bad, feature extractor: 10.0 points below scratch"), summary);
        assertEquals(1, summary.lines().count(), summary);
        assertTrue(NegativeTransfer.summary(NegativeTransfer.compare().source("good", results(0.8, 0.9, 0.85)).gains())
                .startsWith("no negative transfer"));
        assertEquals(2, NegativeTransfer.chart(gains).getSeriesCollection().size());
    }

    @Test
    void verdictNamesTheOutcome() {
        String v = NegativeTransfer.verdict(results(0.80, 0.75, 0.805));
        assertTrue(v.contains("feature extractor: 75.0% vs 80.0% from scratch, -5.0 points, negative transfer"), v);
        assertTrue(v.contains("fine-tune all: 80.5% vs 80.0% from scratch, +0.5 points, about the same"), v);
    }

    @Test
    void aGridWithoutBaselineIsRefused() {
        Table noBaseline = results(0.8, 0.9, 0.85).where(t -> t.stringColumn("strategy").isNotEqualTo(Strategy.SCRATCH.label()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NegativeTransfer.compare().source("x", noBaseline));
        assertTrue(e.getMessage().contains("Strategy.SCRATCH"), e.getMessage());
    }
}
