package org.tl4j.viz;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.List;
import java.util.Map;

/** Grouped bars with error bars: one group per category, one bar per series, each with its ± half-width. */
public final class ErrorBars {
    private ErrorBars() {
    }

    /**
     * @param means  per series, one value per group (NaN: no bar)
     * @param halves per series, the error bar's half-width per group (NaN: none)
     */
    public static CategoryChart of(String title, String xTitle, String yTitle, List<String> groups,
                                   Map<String, List<Double>> means, Map<String, List<Double>> halves) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(440).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        double min = Double.MAX_VALUE;
        for (Map.Entry<String, List<Double>> e : means.entrySet()) {
            List<Double> m = e.getValue().stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList();
            List<Double> h = halves.get(e.getKey()).stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList();
            for (int i = 0; i < m.size(); i++) {
                min = Math.min(min, m.get(i) - h.get(i));
            }
            chart.addSeries(e.getKey(), groups, m, h);
        }
        if (min > 0 && min < Double.MAX_VALUE) {
            chart.getStyler().setYAxisMin(Math.floor(min * 0.95));
        }
        return chart;
    }
}
