package org.tl4j.backend;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Puts a network on the fastest CPU kernels ND4J 1.0.0-M2.1 has. Convolution and batch
 * normalisation already run on DL4J's oneDNN helpers (made to work by {@link Backend#configure()});
 * max pooling moves to libnd4j's own kernels ({@link NativePoolingLayer}), 3-6 times faster than
 * oneDNN's NCHW pooling. The course's Trainer, Zoo and Transfer call it; call it yourself on a
 * network you build and train with {@code net.fit}. Idempotent; returns the network.
 */
public final class FastPath {
    private static final Field WRAPPED = field(BaseWrapperLayer.class, "underlying");
    private static final Field LAYER_MAP = field(MultiLayerNetwork.class, "layerMap");

    private FastPath() {
    }

    public static MultiLayerNetwork install(MultiLayerNetwork net) {
        if (net == null || net.getLayers() == null || !"CPU".equals(Backend.name())) {
            return net; // not initialised yet, or CUDA: cuDNN helpers are DL4J's business
        }
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof BaseWrapperLayer) {
                Layer inner = inner(layers[i]);
                if (NativePoolingLayer.canReplace(inner)) {
                    write(WRAPPED, layers[i], replacement(net, inner));
                }
            } else if (NativePoolingLayer.canReplace(layers[i])) {
                Layer fast = replacement(net, layers[i]);
                layerMap(net).replace(layers[i].conf().getLayer().getLayerName(), layers[i], fast);
                layers[i] = fast;
            }
        }
        return net;
    }

    /** How many of the network's layers run on the fast path's own kernels. */
    public static int nativePoolingLayers(MultiLayerNetwork net) {
        int n = 0;
        for (Layer layer : net.getLayers()) {
            n += inner(layer) instanceof NativePoolingLayer ? 1 : 0;
        }
        return n;
    }

    /** The layer itself, or the one a wrapper (FrozenLayer) holds. */
    private static Layer inner(Layer layer) {
        return layer instanceof BaseWrapperLayer ? ((BaseWrapperLayer) layer).getUnderlying() : layer;
    }

    private static Layer replacement(MultiLayerNetwork net, Layer original) {
        return new NativePoolingLayer((SubsamplingLayer) original, net.getLayerWiseConfigurations().getDataType());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Layer> layerMap(MultiLayerNetwork net) {
        try {
            return (Map<String, Layer>) LAYER_MAP.get(net);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field f, Object target, Object value) {
        try {
            f.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(owner.getSimpleName() + " has no field '" + name
                    + "': FastPath is written for DL4J 1.0.0-M2.1", e);
        }
    }
}
