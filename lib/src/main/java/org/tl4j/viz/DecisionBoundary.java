package org.tl4j.viz;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.data.PointSet;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Where a classifier of 2-D points says which class: a pale grid of its predictions under the data points. */
public final class DecisionBoundary {
    private static final int GRID = 70;
    private static final Color[] PALE = {new Color(198, 219, 239), new Color(253, 208, 162), new Color(199, 233, 192)};

    private DecisionBoundary() {
    }

    /**
     * @param probabilities maps points [m, 2] to class probabilities [m, classes] (or [m, 1] for one sigmoid output)
     */
    public static XYChart of(String title, PointSet data, Function<INDArray, INDArray> probabilities) {
        double[] b = data.bounds();
        double[][] grid = new double[GRID * GRID][];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[i * GRID + j] = new double[]{b[0] + (b[1] - b[0]) * j / (GRID - 1.0), b[2] + (b[3] - b[2]) * i / (GRID - 1.0)};
            }
        }
        INDArray p = probabilities.apply(Nd4j.createFromArray(grid).castTo(DataType.DOUBLE));
        int classes = Math.max(2, (int) p.size(1));
        List<List<Double>> xs = new ArrayList<>();
        List<List<Double>> ys = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            xs.add(new ArrayList<>());
            ys.add(new ArrayList<>());
        }
        for (int k = 0; k < grid.length; k++) {
            int c = p.size(1) == 1 ? (p.getDouble(k, 0) >= 0.5 ? 1 : 0) : p.getRow(k).argMax().getInt(0);
            xs.get(c).add(grid[k][0]);
            ys.get(c).add(grid[k][1]);
        }
        XYChart chart = new XYChartBuilder().width(480).height(400).title(title).xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendVisible(false);
        for (int c = 0; c < classes; c++) {
            if (xs.get(c).isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries("predicted " + c, xs.get(c), ys.get(c));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(PALE[c % PALE.length]);
        }
        Scatter.addPoints(chart, data);
        return chart;
    }
}
