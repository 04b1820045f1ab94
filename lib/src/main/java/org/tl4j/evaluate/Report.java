package org.tl4j.evaluate;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import org.tl4j.course.Messages;
import org.tl4j.data.ImageSet;
import org.tl4j.viz.ImageGrid;
import org.tl4j.viz.Rendition;
import org.tl4j.viz.Show;
import org.tl4j.viz.TableHtml;
import org.tl4j.viz.Visual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How well a network classifies a test set: accuracy, a per-class table, the confusion matrix and
 * the most confident mistakes. Computed by DL4J's Evaluation.
 */
public final class Report implements Visual {
    private static final Messages TEXT = Messages.of(Report.class);
    private final ImageSet data;
    private final Evaluation eval;
    private final int[] predicted;
    private final double[] confidence;

    private Report(ImageSet data, Evaluation eval, int[] predicted, double[] confidence) {
        this.data = data;
        this.eval = eval;
        this.predicted = predicted;
        this.confidence = confidence;
    }

    /** Evaluates the network on every image of the set. */
    public static Report of(MultiLayerNetwork net, ImageSet data) {
        long outputs = net.layerSize(net.getnLayers() - 1);
        if (outputs != data.numClasses()) {
            throw new IllegalArgumentException(TEXT.get("Report.outputsDoNotMatch",
                    outputs, data.name(), data.numClasses(), data.classNames()));
        }
        DataSet ds = data.toDataSet();
        INDArray probs = net.output(ds.getFeatures(), false);
        Evaluation eval = new Evaluation(data.classNames(), 1);
        eval.eval(ds.getLabels(), probs);
        int n = data.size();
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        for (int i = 0; i < n; i++) {
            INDArray row = probs.getRow(i);
            predicted[i] = row.argMax().getInt(0);
            confidence[i] = row.getDouble(predicted[i]);
        }
        return new Report(data, eval, predicted, confidence);
    }

    public double accuracy() {
        return eval.accuracy();
    }

    /** DL4J's evaluation, for anything this report does not show. */
    public Evaluation evaluation() {
        return eval;
    }

    public int[] predictions() {
        return predicted.clone();
    }

    /** One row per class: images, precision, recall, F1. */
    public Table perClass() {
        StringColumn cls = StringColumn.create("class");
        IntColumn count = IntColumn.create("images");
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        DoubleColumn f1 = DoubleColumn.create("F1");
        int[] counts = data.classCounts();
        for (int c = 0; c < data.numClasses(); c++) {
            cls.append(data.className(c));
            count.append(counts[c]);
            precision.append(eval.precision(c));
            recall.append(eval.recall(c));
            f1.append(eval.f1(c));
        }
        for (DoubleColumn d : List.of(precision, recall, f1)) {
            d.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        }
        return Table.create(String.format(Locale.ROOT, "Per class (accuracy %.2f%% on %d images)", 100 * accuracy(), data.size()),
                cls, count, precision, recall, f1);
    }

    /** The confusion matrix as a heat map: rows are true classes, columns predicted ones. */
    public HeatMapChart confusionHeatMap() {
        int k = data.numClasses();
        int[][] m = new int[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                m[t][p] = eval.getConfusionMatrix().getCount(t, p);
            }
        }
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[]{p, k - 1 - t, m[t][p]});
            }
        }
        List<String> reversed = new ArrayList<>(data.classNames());
        java.util.Collections.reverse(reversed);
        HeatMapChart chart = new HeatMapChartBuilder().width(120 + 48 * k).height(80 + 40 * k)
                .title("Confusion matrix").xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setXAxisTickMarkSpacingHint(10);
        chart.getStyler().setYAxisTickMarkSpacingHint(10);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setRangeColors(new java.awt.Color[]{new java.awt.Color(247, 251, 255), new java.awt.Color(107, 174, 214), new java.awt.Color(8, 48, 107)});
        chart.addSeries("confusion", data.classNames(), reversed, cells);
        return chart;
    }

    /** The images the network got wrong with the highest confidence, captioned "true → predicted". */
    public ImageGrid confidentMistakes(int count) {
        Integer[] wrong = java.util.stream.IntStream.range(0, predicted.length)
                .filter(i -> predicted[i] != data.label(i)).boxed().toArray(Integer[]::new);
        if (wrong.length == 0) {
            throw new IllegalStateException(TEXT.get("Report.noMistakes", data.size()));
        }
        Arrays.sort(wrong, Comparator.comparingDouble((Integer i) -> -confidence[i]));
        int n = Math.min(count, wrong.length);
        int[] idx = new int[n];
        int[] preds = new int[n];
        for (int k = 0; k < n; k++) {
            idx[k] = wrong[k];
            preds[k] = predicted[wrong[k]];
        }
        return ImageGrid.of(data.select(idx, data.name() + " mistakes"), n).withPredictions(preds);
    }

    @Override
    public Rendition render() {
        Rendition table = TableHtml.rendition(perClass());
        Rendition heat = Show.rendition(confusionHeatMap());
        return Rendition.text(table.text())
                .withHtml("<div style=\"display:flex;gap:24px;align-items:flex-start\">" + table.html()
                        + "<img src=\"data:image/png;base64," + heat.pngBase64() + "\" width=\"" + heat.pngWidth() + "\"/></div>");
    }
}
