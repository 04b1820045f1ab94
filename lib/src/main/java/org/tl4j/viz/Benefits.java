package org.tl4j.viz;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tl4j.train.History;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.List;
import java.util.Locale;

/**
 * The three benefits of transfer on a learning curve (validation accuracy per epoch):
 * a higher start (after the first epoch), a higher slope (gain per epoch early on) and a higher
 * asymptote (the best accuracy reached).
 */
public final class Benefits {
    private Benefits() {
    }

    /** Accuracy after the first epoch. */
    public static double start(History h) {
        return h.accuracies()[0];
    }

    /** Mean gain per epoch over the first half of training (at least two epochs). */
    public static double slope(History h) {
        double[] a = h.accuracies();
        int n = Math.max(2, a.length / 2);
        n = Math.min(n, a.length);
        return n < 2 ? 0 : (a[n - 1] - a[0]) / (n - 1);
    }

    /** The best accuracy reached. */
    public static double asymptote(History h) {
        return h.bestAccuracy();
    }

    /** One row per run: start, slope, asymptote. */
    public static Table table(List<History> runs) {
        StringColumn run = StringColumn.create("run");
        DoubleColumn start = DoubleColumn.create("start (epoch 1)");
        DoubleColumn slope = DoubleColumn.create("slope (gain/epoch)");
        DoubleColumn asym = DoubleColumn.create("asymptote (best)");
        for (History h : runs) {
            run.append(h.name());
            start.append(start(h));
            slope.append(slope(h));
            asym.append(asymptote(h));
        }
        for (DoubleColumn c : List.of(start, slope, asym)) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        }
        return Table.create("Higher start, higher slope, higher asymptote?", run, start, slope, asym);
    }

    /**
     * The runs' validation accuracy on one chart, titled with how the first (transfer) compares with
     * the second (the baseline, e.g. training from scratch) in start, slope and asymptote.
     */
    public static XYChart chart(History transfer, History baseline) {
        XYChart chart = new XYChartBuilder().width(720).height(400).title("")
                .xAxisTitle("epoch").yAxisTitle("validation accuracy").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        for (History h : List.of(transfer, baseline)) {
            double[] a = h.accuracies();
            double[] x = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                x[i] = i + 1;
            }
            chart.addSeries(h.name(), x, a).setMarker(SeriesMarkers.CIRCLE);
        }
        chart.setTitle(String.format(Locale.ROOT, "%s vs %s: start %+.1f, slope %+.1f/epoch, asymptote %+.1f points",
                transfer.name(), baseline.name(), 100 * (start(transfer) - start(baseline)),
                100 * (slope(transfer) - slope(baseline)), 100 * (asymptote(transfer) - asymptote(baseline))));
        return chart;
    }
}
