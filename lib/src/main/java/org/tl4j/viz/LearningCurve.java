package org.tl4j.viz;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A line chart of one or more series that grows point by point and redraws itself in place. */
public final class LearningCurve implements Visual {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private final java.util.Set<String> rightAxisSeries = new java.util.HashSet<>();
    private String rightAxisTitle;
    private Live live;
    private long lastDraw;
    /** A live curve redraws at most this often (drawing a chart takes tens of milliseconds). */
    public static final long REDRAW_MILLIS = 500;

    private LearningCurve(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A curve that is not shown until displayed. */
    public static LearningCurve of(String title, String xLabel, String yLabel) {
        return new LearningCurve(title, xLabel, yLabel);
    }

    /** A curve shown now and redrawn after every {@link #add}. */
    public static LearningCurve live(String title, String xLabel, String yLabel) {
        return new LearningCurve(title, xLabel, yLabel).show();
    }

    /** Draws these series against a second y axis on the right (e.g. accuracy beside loss). */
    public LearningCurve rightAxis(String title, String... seriesNames) {
        rightAxisTitle = title;
        rightAxisSeries.addAll(List.of(seriesNames));
        return this;
    }

    /** Shows the curve now; it redraws itself after every {@link #add}. */
    public LearningCurve show() {
        if (live == null) {
            live = Live.show(this);
            lastDraw = System.nanoTime();
        }
        return this;
    }

    public LearningCurve add(String name, double x, double y) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[]{x, y});
        long now = System.nanoTime();
        if (live != null && (now - lastDraw) / 1_000_000 >= REDRAW_MILLIS) {
            lastDraw = now;
            live.update(this);
        }
        return this;
    }

    /** Redraws a live curve now, whatever the time since the last drawing (e.g. at the end of an epoch). */
    public void redraw() {
        if (live != null) {
            lastDraw = System.nanoTime();
            live.update(this);
        }
    }

    public List<double[]> points(String name) {
        return List.copyOf(series.getOrDefault(name, List.of()));
    }

    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(640).height(360).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.0##");
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            var s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(pts.size() > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            if (rightAxisSeries.contains(e.getKey())) {
                s.setYAxisGroup(1);
                chart.setYAxisGroupTitle(1, rightAxisTitle);
                chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
            }
        }
        if (series.isEmpty()) {
            chart.addSeries(" ", new double[]{0}, new double[]{0}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    @Override
    public Rendition render() {
        return ChartImages.rendition(chart());
    }
}
