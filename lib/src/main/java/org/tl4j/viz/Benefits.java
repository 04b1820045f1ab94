package org.tl4j.viz;

import org.knowm.xchart.AnnotationText;
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
     * The runs' validation accuracy on one chart, the first run (transfer) annotated with how its
     * start and asymptote compare with the second (the baseline, e.g. training from scratch).
     */
    public static XYChart chart(History transfer, History baseline) {
        XYChart chart = new XYChartBuilder().width(720).height(400).title("Transfer vs " + baseline.name())
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
        double dStart = start(transfer) - start(baseline);
        double dSlope = slope(transfer) - slope(baseline);
        double dAsym = asymptote(transfer) - asymptote(baseline);
        chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "start %+.1f pts", 100 * dStart),
                1.0, (start(transfer) + start(baseline)) / 2, false));
        int last = transfer.epochs();
        chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "asymptote %+.1f pts, slope %+.2f pts/epoch",
                100 * dAsym, 100 * dSlope), Math.max(1, last * 0.6), (asymptote(transfer) + asymptote(baseline)) / 2, false));
        return chart;
    }
}
