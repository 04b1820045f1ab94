package org.tl4j.backend;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Puts a network on the fastest CPU kernels ND4J 1.0.0-M2.1 has. Batch normalisation runs on
 * oneDNN (made to work by {@link Backend#configure()}) with faster batch statistics
 * ({@link BatchStatsHelper}); trainable convolutions and dense layers run once per step instead
 * of twice and skip input gradients nothing reads ({@link FastConvolutionLayer},
 * {@link FastDenseLayer}); ReLU layers backprop on vectorised ops ({@link FastActivationLayer});
 * max pooling moves to libnd4j's own kernels ({@link NativePoolingLayer}), 3-6 times faster than
 * oneDNN's NCHW pooling; word-vector lookups and their average over a text run in Java loops
 * ({@link FastEmbeddingLayer}, {@link FastAveragePoolingLayer}). The course's Trainer, Zoo and
 * Transfer call it; call it yourself on a network you build and train with {@code net.fit}.
 * Idempotent; returns the network.
 */
public final class FastPath {
    private static final Field WRAPPED = field(BaseWrapperLayer.class, "underlying");
    private static final Field LAYER_MAP = field(MultiLayerNetwork.class, "layerMap");
    private static final Field BATCH_NORM_HELPER = field(BatchNormalization.class, "helper");

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
                } else if (FastEmbeddingLayer.canReplace(inner, net.getLayerWiseConfigurations().getDataType())) {
                    write(WRAPPED, layers[i], new FastEmbeddingLayer((EmbeddingSequenceLayer) inner));
                }
            } else if (NativePoolingLayer.canReplace(layers[i])) {
                swap(net, i, replacement(net, layers[i]));
            } else if (FastConvolutionLayer.canReplace(layers[i], net.getLayerWiseConfigurations().getDataType())) {
                swap(net, i, new FastConvolutionLayer((ConvolutionLayer) layers[i], net));
            } else if (FastDenseLayer.canReplace(layers[i], net.getLayerWiseConfigurations().getDataType())) {
                swap(net, i, new FastDenseLayer((org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer) layers[i], net));
            } else if (FastEmbeddingLayer.canReplace(layers[i], net.getLayerWiseConfigurations().getDataType())) {
                swap(net, i, new FastEmbeddingLayer((EmbeddingSequenceLayer) layers[i]));
            } else if (FastAveragePoolingLayer.canReplace(layers[i], net.getLayerWiseConfigurations().getDataType())) {
                swap(net, i, new FastAveragePoolingLayer((GlobalPoolingLayer) layers[i]));
            } else if (FastActivationLayer.canReplace(layers[i])) {
                swap(net, i, new FastActivationLayer((org.deeplearning4j.nn.layers.ActivationLayer) layers[i],
                        net.getLayerWiseConfigurations().getDataType()));
            } else if (layers[i].getClass() == BatchNormalization.class
                    && ((BatchNormalization) layers[i]).getHelper() != null) { // DL4J's oneDNN one: float data
                write(BATCH_NORM_HELPER, layers[i], new BatchStatsHelper());
            }
        }
        return net;
    }

    /** A swapped-in layer takes the original's place: index, listeners, and views of the network's parameters and gradients. */
    static void takeOver(org.deeplearning4j.nn.layers.BaseLayer<?> original, org.deeplearning4j.nn.layers.BaseLayer<?> fast) {
        fast.setIndex(original.getIndex());
        fast.setListeners(original.getListeners());
        fast.setParamsViewArray(original.params());
        fast.setParamTable(original.paramTable());
        if (original.getGradientsViewArray() != null) { // else the network sets it before its first gradient
            fast.setBackpropGradientsViewArray(original.getGradientsViewArray());
        }
    }

    private static void swap(MultiLayerNetwork net, int i, Layer fast) {
        Layer[] layers = net.getLayers();
        layerMap(net).replace(layers[i].conf().getLayer().getLayerName(), layers[i], fast);
        layers[i] = fast;
    }

    /** How many of the network's batch-normalisation layers compute their statistics on {@link BatchStatsHelper}. */
    public static int batchStatsLayers(MultiLayerNetwork net) {
        return count(net, l -> l instanceof BatchNormalization && ((BatchNormalization) l).getHelper() instanceof BatchStatsHelper);
    }

    /** How many of the network's trainable convolutions run on {@link FastConvolutionLayer}. */
    public static int fastConvolutionLayers(MultiLayerNetwork net) {
        return count(net, l -> l instanceof FastConvolutionLayer);
    }

    /** How many of the network's layers run on the fast path's own kernels. */
    public static int nativePoolingLayers(MultiLayerNetwork net) {
        return count(net, l -> inner(l) instanceof NativePoolingLayer);
    }

    private static int count(MultiLayerNetwork net, java.util.function.Predicate<Layer> which) {
        return (int) java.util.Arrays.stream(net.getLayers()).filter(which).count();
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
