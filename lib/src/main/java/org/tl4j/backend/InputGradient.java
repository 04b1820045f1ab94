package org.tl4j.backend;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Whether anything reads a layer's input gradient: during training, not below the first trainable layer. */
final class InputGradient {
    private InputGradient() {
    }

    /**
     * True when {@code layer} is the network's first, or the first above frozen layers (asked at each
     * step, since stages unfreeze), and the network is in its training step: MultiLayerNetwork drops
     * the first layer's input gradient there, and its backprop stops at a frozen layer.
     */
    static boolean unused(Layer layer, MultiLayerNetwork net) {
        int i = layer.getIndex();
        return (i == 0 || net.getLayer(i - 1) instanceof FrozenLayer) && calledWhileTraining();
    }

    private static boolean calledWhileTraining() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .anyMatch(f -> f.getDeclaringClass() == MultiLayerNetwork.class
                        && f.getMethodName().equals("computeGradientAndScore")));
    }
}
