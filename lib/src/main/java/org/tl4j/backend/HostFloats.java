package org.tl4j.backend;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float arrays copied between ND4J's native memory and the Java heap in one bulk copy each, for
 * the small arrays where a plain Java loop beats the fixed cost of ND4J calls.
 */
public final class HostFloats {
    private HostFloats() {
    }

    /** True if the array is float and its elements are one block in its own order: no gaps, no offset tricks. */
    static boolean dense(INDArray a) {
        return a.dataType() == DataType.FLOAT && Shape.hasDefaultStridesForShape(a) && a.data().length() == a.length();
    }

    /** The elements in row-major (C) order. */
    static float[] of(INDArray a) {
        return stored(dense(a) && (a.ordering() == 'c' || a.rank() == 1 || a.isVector()) ? a
                : a.castTo(DataType.FLOAT).dup('c'));
    }

    /** The elements of a dense array in the order it stores them (a.ordering()). */
    static float[] stored(INDArray a) {
        float[] out = new float[(int) a.length()];
        new FloatPointer(a.data().addressPointer()).get(out);  // a pointer of our own: its position is ours
        return out;
    }

    /** Writes values, given in the target's own order, into the target. */
    static void write(float[] values, INDArray target) {
        if (dense(target)) {
            new FloatPointer(target.data().addressPointer()).put(values);
        } else {
            target.assign(Nd4j.create(values, target.shape(), target.ordering()));
        }
    }

    /** These rows of a matrix, in this order, as a new row-major matrix (INDArray.getRows makes an ND4J call per row). */
    public static INDArray rows(INDArray a, int[] rows) {
        if (a.rank() != 2 || !dense(a) || a.ordering() != 'c') {
            return Nd4j.pullRows(a, 1, rows);
        }
        int width = (int) a.size(1);
        FloatPointer source = new FloatPointer(a.data().addressPointer());
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            source.position((long) rows[i] * width).get(out, i * width, width);
        }
        return Nd4j.create(out, new long[]{rows.length, width}, DataType.FLOAT);
    }
}
