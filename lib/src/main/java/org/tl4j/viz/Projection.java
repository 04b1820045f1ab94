package org.tl4j.viz;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dimensionalityreduction.PCA;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.data.ImageSet;
import org.tl4j.network.Layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Features of a layer projected to two dimensions (PCA), one colour per class, one marker per data set. */
public final class Projection {
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.SQUARE};

    private Projection() {
    }

    /** The layer's output for each image, flattened: [n, features]. */
    public static INDArray features(MultiLayerNetwork net, String layer, ImageSet images) {
        int i = Layers.index(net, layer);
        INDArray act = net.feedForwardToLayer(i, images.toDataSet().getFeatures(), false).get(i + 1);
        return act.reshape('c', act.size(0), act.length() / act.size(0));
    }

    /** A scatter chart of the sets' features at this layer in the first two principal components of all of them. */
    public static XYChart pca(MultiLayerNetwork net, String layer, Map<String, ImageSet> sets) {
        List<INDArray> parts = new ArrayList<>();
        for (ImageSet s : sets.values()) {
            parts.add(features(net, layer, s));
        }
        INDArray projected = firstTwoComponents(Nd4j.vstack(parts.toArray(new INDArray[0])));
        XYChart chart = scatter("Features of " + layer + " (PCA)");
        int row = 0;
        int setIndex = 0;
        for (Map.Entry<String, ImageSet> e : sets.entrySet()) {
            ImageSet s = e.getValue();
            Map<Integer, List<double[]>> byClass = new LinkedHashMap<>();
            for (int k = 0; k < s.size(); k++, row++) {
                byClass.computeIfAbsent(s.label(k), c -> new ArrayList<>())
                        .add(new double[]{projected.getDouble(row, 0), projected.getDouble(row, 1)});
            }
            for (Map.Entry<Integer, List<double[]>> c : byClass.entrySet()) {
                double[] x = c.getValue().stream().mapToDouble(p -> p[0]).toArray();
                double[] y = c.getValue().stream().mapToDouble(p -> p[1]).toArray();
                chart.addSeries(e.getKey() + ": " + s.className(c.getKey()), x, y).setMarker(MARKERS[setIndex % MARKERS.length]);
            }
            setIndex++;
        }
        return chart;
    }

    /** Rows projected on their first two principal components: [n, 2]. */
    public static INDArray firstTwoComponents(INDArray rows) {
        INDArray all = rows.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray centred = all.subRowVector(all.mean(0));
        // PCA.pca(...) does not return the projected rows in ND4J M2.1; project on the factor ourselves
        return centred.mmul(PCA.pca_factor(centred.dup(), 2, false));
    }

    /**
     * Word vectors in two dimensions (PCA of all of them), one colour per group, each point
     * labelled with its word: {@code Projection.words(embeddings, Map.of("animals", List.of("dog", "cat")))}.
     */
    public static XYChart words(org.tl4j.text.Embeddings embeddings, Map<String, List<String>> groups) {
        List<String> words = new ArrayList<>();
        groups.values().forEach(words::addAll);
        INDArray rows = Nd4j.vstack(words.stream().map(w -> embeddings.vector(w).reshape(1, embeddings.dimensions()))
                .toArray(INDArray[]::new));
        INDArray projected = firstTwoComponents(rows);
        XYChart chart = scatter("Word vectors (PCA of " + words.size() + " words)");
        chart.getStyler().setMarkerSize(8);
        int row = 0;
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            int n = g.getValue().size();
            double[] x = new double[n];
            double[] y = new double[n];
            for (int k = 0; k < n; k++, row++) {
                x[k] = projected.getDouble(row, 0);
                y[k] = projected.getDouble(row, 1);
                chart.addAnnotation(new org.knowm.xchart.AnnotationText(g.getValue().get(k), x[k], y[k] + 0.0, false));
            }
            chart.addSeries(g.getKey(), x, y);
        }
        chart.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        return chart;
    }

    private static XYChart scatter(String title) {
        XYChart chart = new XYChartBuilder().width(640).height(480).title(title)
                .xAxisTitle("component 1").yAxisTitle("component 2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }
}
