package org.tl4j.grading;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceTest {
    private static final INDArray IMAGE = Nd4j.createFromArray(new double[][]{
            {1, 2, 3, 0}, {4, 5, 6, 1}, {7, 8, 9, 2}});

    @Test
    void convolutionIsDl4jsCrossCorrelationWithZeroPadding() {
        INDArray kernel = Nd4j.createFromArray(new double[][]{{1, 0}, {0, -1}});
        INDArray out = Reference.convolution(IMAGE, kernel, 1, 0);
        // worked by hand: out[y][x] = I[y][x] - I[y+1][x+1]
        assertEquals(Nd4j.createFromArray(new double[][]{{-4, -4, 2}, {-4, -4, 4}}), out);
        INDArray padded = Reference.convolution(IMAGE, kernel, 2, 1);
        assertArrayEquals(new long[]{2, 3}, padded.shape());      // (3 + 2 - 2) / 2 + 1 by (4 + 2 - 2) / 2 + 1
        assertEquals(-1.0, padded.getDouble(0, 0));               // 0 * 1 + I[0][0] * -1
        // two channels: the filter adds up both; the second channel's kernel picks the top-left pixel
        INDArray twoChannels = Nd4j.concat(0, IMAGE.reshape(1, 3, 4), IMAGE.mul(10).reshape(1, 3, 4));
        INDArray twoKernels = Nd4j.concat(0, kernel.reshape(1, 2, 2), Nd4j.createFromArray(new double[][]{{1, 0}, {0, 0}}).reshape(1, 2, 2));
        assertEquals(out.add(IMAGE.mul(10).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3))), Reference.convolution(twoChannels, twoKernels, 1, 0));
    }

    @Test
    void maxPoolAndParameterCount() {
        assertEquals(Nd4j.createFromArray(new double[][]{{5, 6}}), Reference.maxPool(IMAGE, 2, 2));
        assertEquals(Nd4j.createFromArray(new double[][]{{5, 6, 6}, {8, 9, 9}}), Reference.maxPool(IMAGE, 2, 1)); // overlapping
        assertEquals(3 * 3 * 1 * 8 + 8, Reference.convolutionParameters(3, 1, 8));
        assertEquals(5 * 5 * 8 * 16 + 16, Reference.convolutionParameters(5, 8, 16));
    }

    @Test
    void arraysComparesShapeThenValuesAndSaysWhere() {
        assertTrue(Check.arrays("out", IMAGE.dup(), IMAGE, 1e-12).startsWith("ok: out has shape [3, 4]"));
        AssertionError e = assertThrows(AssertionError.class, () -> Check.arrays("out", IMAGE.transpose(), IMAGE, 1e-9));
        assertEquals("out should have shape [3, 4], but it has [4, 3].", e.getMessage());
        INDArray off = IMAGE.dup();
        off.putScalar(2, 1, 8.5);
        e = assertThrows(AssertionError.class, () -> Check.arrays("out", off, IMAGE, 1e-9));
        assertTrue(e.getMessage().contains("by 0.500 at [2, 1]"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Check.arrays("out", new double[]{1}, IMAGE, 1e-9));
        assertTrue(e.getMessage().startsWith("out should be an INDArray, but it is a double[]"), e.getMessage());
    }
}
