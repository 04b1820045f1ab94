package org.tl4j.viz;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tl4j.data.PointSet;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Labelled points in the plane, one colour per class. */
public final class Scatter {
    /** Class colours of the points; {@link DecisionBoundary} paints the regions in pale versions of them. */
    static final Color[] CLASS_COLORS = {new Color(33, 113, 181), new Color(217, 72, 1), new Color(35, 139, 69)};

    private Scatter() {
    }

    /** The points on a chart of their own. */
    public static XYChart of(PointSet data) {
        XYChart chart = new XYChartBuilder().width(480).height(400).title(data.name()).xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        addPoints(chart, data);
        return chart;
    }

    /** Adds the points, one series per class, to a chart. */
    static void addPoints(XYChart chart, PointSet data) {
        for (int c = 0; c < data.numClasses(); c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (data.label(i) == c) {
                    double[] p = data.point(i);
                    xs.add(p[0]);
                    ys.add(p[1]);
                }
            }
            XYSeries s = chart.addSeries("class " + c, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }
}
