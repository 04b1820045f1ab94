package org.tl4j.data;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/** Points in the plane with a class each: the small 2-D problems of the backpropagation lesson. */
public final class PointSet {
    /** Class colours of the points; DecisionBoundary paints the regions in pale versions of them. */
    public static final java.awt.Color[] CLASS_COLORS = {new java.awt.Color(33, 113, 181), new java.awt.Color(217, 72, 1),
            new java.awt.Color(35, 139, 69)};
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

    /** The points on a chart, one colour per class. */
    public XYChart scatter() {
        XYChart chart = new XYChartBuilder().width(480).height(400).title(name).xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        addPoints(chart);
        return chart;
    }

    /** Adds the points, one series per class, to a chart. */
    public void addPoints(XYChart chart) {
        for (int c = 0; c < classes; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                if (labels[i] == c) {
                    xs.add(points[i][0]);
                    ys.add(points[i][1]);
                }
            }
            XYSeries s = chart.addSeries("class " + c, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }
}
