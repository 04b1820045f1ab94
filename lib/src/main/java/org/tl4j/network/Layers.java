package org.tl4j.network;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.course.Messages;

import java.util.ArrayList;
import java.util.List;

/** Finds layers of a network by name or index, with errors that list the valid choices. */
public final class Layers {
    private static final Messages TEXT = Messages.of(Layers.class);
    private Layers() {
    }

    /** The configuration of layer i, unwrapped if it is frozen. */
    public static org.deeplearning4j.nn.conf.layers.Layer conf(MultiLayerNetwork net, int i) {
        org.deeplearning4j.nn.conf.layers.Layer c = net.getLayerWiseConfigurations().getConf(i).getLayer();
        if (c instanceof FrozenLayer) {
            return ((FrozenLayer) c).getLayer();
        }
        if (c instanceof FrozenLayerWithBackprop) {
            return ((FrozenLayerWithBackprop) c).getUnderlying();
        }
        return c;
    }

    public static boolean isFrozen(MultiLayerNetwork net, int i) {
        Layer l = net.getLayer(i);
        return l instanceof org.deeplearning4j.nn.layers.FrozenLayer || l instanceof org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
    }

    public static List<String> names(MultiLayerNetwork net) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            String n = conf(net, i).getLayerName();
            out.add(n == null ? "layer" + i : n);
        }
        return out;
    }

    /** The index of the named layer. */
    public static int index(MultiLayerNetwork net, String name) {
        List<String> names = names(net);
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(TEXT.get("Layers.noSuchLayer", name, describe(names)));
        }
        return i;
    }

    /** Checks that index i names a layer. */
    public static int check(MultiLayerNetwork net, int i) {
        if (i < 0 || i >= net.getnLayers()) {
            throw new IllegalArgumentException(TEXT.get("Layers.noSuchIndex",
                    i, net.getnLayers(), net.getnLayers() - 1, describe(names(net))));
        }
        return i;
    }

    static String describe(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(i).append(" ").append(names.get(i));
        }
        return s.toString();
    }

    /** True for layers with learnable weights that detect features (convolutions). */
    public static boolean isConvolution(MultiLayerNetwork net, int i) {
        return conf(net, i) instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
    }

    /** The index of the last convolution or pooling layer: where image features end. */
    public static int lastFeatureLayer(MultiLayerNetwork net) {
        int last = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer c = conf(net, i);
            if (c instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer
                    || c instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer
                    || c instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization) {
                last = i;
            }
        }
        return last;
    }
}
