package org.tl4j.viz;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayTextTest {
    @Test
    void smallMatrixShowsShapeTypeAndAlignedValues() {
        String text = ArrayText.text(Nd4j.linspace(1, 6, 6, DataType.FLOAT).reshape(2, 3));
        assertEquals("INDArray [2, 3] float\n[[1, 2, 3],\n [4, 5, 6]]", text);
    }

    @Test
    void valuesShareOneFormatAndColumnsAlign() {
        String text = ArrayText.text(Nd4j.createFromArray(new double[][]{{1.5, -10}, {0.25, 3}}));
        assertEquals("INDArray [2, 2] double\n[[1.5000, -10.0000],\n [0.2500,   3.0000]]", text);
    }

    @Test
    void largeMatrixIsCutWithEllipsis() {
        String text = ArrayText.text(Nd4j.zeros(DataType.FLOAT, 100, 50));
        String[] lines = text.split("\n");
        assertEquals("INDArray [100, 50] float", lines[0]);
        assertEquals(1 + ArrayText.MAX_ROWS, lines.length, text);
        assertTrue(text.contains("..."), text);
    }

    @Test
    void higherRankShowsFirstSlicesAndCountsTheRest() {
        String text = ArrayText.text(Nd4j.ones(DataType.FLOAT, 4, 3, 2, 2));
        assertTrue(text.startsWith("INDArray [4, 3, 2, 2] float"), text);
        assertTrue(text.contains("[0, 0, :, :]"), text);
        assertTrue(text.contains("[0, 1, :, :]"), text);
        assertTrue(text.endsWith("... 10 more slices"), text);
    }

    @Test
    void scalarAndVector() {
        assertEquals("INDArray [] float\n3", ArrayText.text(Nd4j.scalar(3f)));
        assertEquals("INDArray [3] double\n[[0.1000, 0.2000, 0.3000]]", ArrayText.text(Nd4j.createFromArray(0.1, 0.2, 0.3)));
    }

    @Test
    void htmlEscapesAndWrapsInPre() {
        Rendition r = ArrayText.rendition(Nd4j.ones(2));
        assertTrue(r.html().startsWith("<pre>INDArray [2] float"), r.html());
    }
}
