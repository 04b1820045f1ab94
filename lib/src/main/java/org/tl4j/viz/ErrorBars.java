package org.tl4j.viz;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.tl4j.course.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouped bars with error bars: one group per category, one bar per series, each with its ± half-width.
 * Add the bars one by one ({@code bar(series, group, value, halfWidth)}), then draw: a series with no bar
 * in a group leaves a gap there.
 */
public final class ErrorBars {
    private static final Messages TEXT = Messages.of(ErrorBars.class);
    private final String title;
    private String xTitle = "";
    private String yTitle = "";
    private final List<String> groups = new ArrayList<>();
    private final Map<String, Map<String, double[]>> series = new LinkedHashMap<>();
    private double max = Double.NaN;

    private ErrorBars(String title) {
        this.title = title;
    }

    public static ErrorBars titled(String title) {
        return new ErrorBars(title);
    }

    public ErrorBars axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    /** The highest value the axis shows (e.g. 100 for percentages: an interval reaching past it is cut there). */
    public ErrorBars upTo(double max) {
        this.max = max;
        return this;
    }

    /** One bar: the value of {@code series} in {@code group}, with its error bar's half-width (NaN: none). */
    public ErrorBars bar(String series, String group, double value, double halfWidth) {
        if (!groups.contains(group)) {
            groups.add(group);
        }
        this.series.computeIfAbsent(series, s -> new LinkedHashMap<>()).put(group, new double[]{value, halfWidth});
        return this;
    }

    public CategoryChart chart() {
        if (series.isEmpty()) {
            throw new IllegalStateException(TEXT.get("ErrorBars.noBars"));
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(440).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        double min = Double.MAX_VALUE;
        for (Map.Entry<String, Map<String, double[]>> e : series.entrySet()) {
            List<Double> values = new ArrayList<>();
            List<Double> halves = new ArrayList<>();
            for (String g : groups) {
                double[] bar = e.getValue().getOrDefault(g, new double[]{0, 0});
                double value = Double.isNaN(bar[0]) ? 0 : bar[0];
                double half = Double.isNaN(bar[1]) ? 0 : bar[1];
                values.add(value);
                halves.add(half);
                min = Math.min(min, value - half);
            }
            chart.addSeries(e.getKey(), groups, values, halves);
        }
        if (groups.stream().mapToInt(String::length).sum() > 90) {
            chart.getStyler().setXAxisLabelRotation(25); // long category names would overlap side by side
        }
        if (min > 0 && min < Double.MAX_VALUE) {
            chart.getStyler().setYAxisMin(Math.floor(min * 0.95));
        }
        if (!Double.isNaN(max)) {
            chart.getStyler().setYAxisMax(max);
        }
        return chart;
    }
}
