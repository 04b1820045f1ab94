package org.tl4j.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;


/** Points in the plane with a class each: the small 2-D problems of the backpropagation lesson. */
public final class PointSet {
    private final String name;
    private final double[][] points;
    private final int[] labels;
    private final int classes;

    PointSet(String name, double[][] points, int[] labels, int classes) {
        this.name = name;
        this.points = points;
        this.labels = labels;
        this.classes = classes;
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classes;
    }

    public int label(int i) {
        return labels[i];
    }

    public String name() {
        return name;
    }

    /** The points as a [n, 2] double array. */
    public INDArray features() {
        return Nd4j.createFromArray(points).castTo(DataType.DOUBLE);
    }

    /** One-hot labels, [n, classes], double. */
    public INDArray oneHot() {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, size(), classes);
        for (int i = 0; i < size(); i++) {
            y.putScalar(i, labels[i], 1.0);
        }
        return y;
    }

    /** The labels as a [n, 1] double column (for a single sigmoid output). */
    public INDArray labelColumn() {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, size(), 1);
        for (int i = 0; i < size(); i++) {
            y.putScalar(i, 0, labels[i]);
        }
        return y;
    }

    /** Smallest and largest x and y, with a margin: the window charts show. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : points) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.max(b[1], p[0]);
            b[2] = Math.min(b[2], p[1]);
            b[3] = Math.max(b[3], p[1]);
        }
        double mx = 0.1 * (b[1] - b[0]);
        double my = 0.1 * (b[3] - b[2]);
        return new double[]{b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }

    /** The coordinates of point i. */
    public double[] point(int i) {
        return points[i].clone();
    }
}
