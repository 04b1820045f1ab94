package org.tl4j.viz;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.Map;

/** Lines with error bars: per series, points (x, mean) each with its ± half-width. */
public final class ErrorLines {
    private ErrorLines() {
    }

    /** @param points per series, rows of {x, mean, halfWidth} (halfWidth NaN: no bar) */
    public static XYChart of(String title, String xTitle, String yTitle, Map<String, double[][]> points) {
        XYChart chart = new XYChartBuilder().width(900).height(440).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (Map.Entry<String, double[][]> e : points.entrySet()) {
            double[][] rows = e.getValue();
            double[] x = new double[rows.length];
            double[] y = new double[rows.length];
            double[] h = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                x[i] = rows[i][0];
                y[i] = rows[i][1];
                h[i] = Double.isNaN(rows[i][2]) ? 0 : rows[i][2];
            }
            chart.addSeries(e.getKey(), x, y, h);
        }
        return chart;
    }
}
