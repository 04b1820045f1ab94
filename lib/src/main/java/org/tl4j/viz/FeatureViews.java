package org.tl4j.viz;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.course.Messages;
import org.tl4j.data.ImageSet;
import org.tl4j.network.Layers;

import java.util.ArrayList;
import java.util.List;

/** What convolution layers learned: their filters as small images, and the maps they produce for one input. */
public final class FeatureViews {
    private static final Messages TEXT = Messages.of(FeatureViews.class);
    private FeatureViews() {
    }

    /** The filters of a convolution layer (first input channel), each scaled to the full grey range. */
    public static ImageGrid filters(MultiLayerNetwork net, String layer) {
        return filterGrid(layer + " filters", weights(net, layer));
    }

    /**
     * What training changed in each filter: the weights after minus the weights before (e.g. the network's
     * starting weights), each difference scaled to the full grey range. A filter is its random start plus
     * this change, and the change is what the data taught it.
     */
    public static ImageGrid filterChanges(MultiLayerNetwork before, MultiLayerNetwork after, String layer) {
        INDArray a = weights(before, layer);
        INDArray b = weights(after, layer);
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(TEXT.get("FeatureViews.shapesDiffer",
                    layer, java.util.Arrays.toString(a.shape()), java.util.Arrays.toString(b.shape())));
        }
        return filterGrid(layer + ": learned minus initial weights", b.sub(a));
    }

    private static INDArray weights(MultiLayerNetwork net, String layer) {
        int i = Layers.index(net, layer);
        if (!Layers.isConvolution(net, i)) {
            throw new IllegalArgumentException(TEXT.get("FeatureViews.notConvolution", layer, convolutionNames(net)));
        }
        return net.getLayer(i).getParam("W"); // [out, in, kh, kw]
    }

    private static ImageGrid filterGrid(String title, INDArray w) {
        int out = (int) w.size(0);
        int kh = (int) w.size(2);
        int kw = (int) w.size(3);
        List<int[]> images = new ArrayList<>();
        for (int f = 0; f < out; f++) {
            images.add(scaled(w.get(org.nd4j.linalg.indexing.NDArrayIndex.point(f), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                    .dup().reshape(kh * kw).toDoubleVector()));
        }
        return grid(title, images, kh, kw, "filter ");
    }

    /** The output channels of a layer for one image: each map scaled to the full grey range. */
    public static ImageGrid activations(MultiLayerNetwork net, String layer, ImageSet image, int index) {
        int i = Layers.index(net, layer);
        INDArray input = image.select(new int[]{index}, image.name()).toDataSet().getFeatures();
        INDArray act = net.feedForwardToLayer(i, input, false).get(i + 1); // [1, c, h, w]
        if (act.rank() != 4) {
            throw new IllegalArgumentException(TEXT.get("FeatureViews.notImageLike",
                    layer, java.util.Arrays.toString(act.shape()), convolutionNames(net)));
        }
        int c = (int) act.size(1);
        int h = (int) act.size(2);
        int w = (int) act.size(3);
        List<int[]> images = new ArrayList<>();
        for (int ch = 0; ch < c; ch++) {
            images.add(scaled(act.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(ch))
                    .dup().reshape((long) h * w).toDoubleVector()));
        }
        return grid(layer + " maps", images, h, w, "map ");
    }

    private static List<String> convolutionNames(MultiLayerNetwork net) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (Layers.isConvolution(net, i)) {
                names.add(Layers.names(net).get(i));
            }
        }
        return names;
    }

    private static int[] scaled(double[] v) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int[] out = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = max > min ? (int) Math.round(255 * (v[k] - min) / (max - min)) : 0;
        }
        return out;
    }

    private static ImageGrid grid(String name, List<int[]> images, int rows, int cols, String prefix) {
        byte[] px = new byte[images.size() * rows * cols];
        byte[] labels = new byte[images.size()];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < images.size(); k++) {
            int[] img = images.get(k);
            for (int j = 0; j < img.length; j++) {
                px[k * rows * cols + j] = (byte) img[j];
            }
            labels[k] = (byte) Math.min(k, 255);
            names.add(prefix + k);
        }
        ImageSet set = new ImageSet(name, rows, cols, px, labels, names.subList(0, Math.min(names.size(), 256)));
        return ImageGrid.of(set, images.size());
    }
}
