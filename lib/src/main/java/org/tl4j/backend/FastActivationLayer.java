package org.tl4j.backend;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's activation layer with a plain ReLU's backprop on {@link ReluGradient} (the small VGG's
 * four ReLU layers). Same configuration and results; {@link FastPath} swaps it in.
 */
final class FastActivationLayer extends ActivationLayer {
    FastActivationLayer(ActivationLayer original, DataType dataType) {
        super(original.conf(), dataType);
        setIndex(original.getIndex());
        setListeners(original.getListeners());
    }

    static boolean canReplace(org.deeplearning4j.nn.api.Layer layer) {
        return layer.getClass() == ActivationLayer.class && layer.conf().getLayer().getIDropout() == null
                && ReluGradient.isPlain(((org.deeplearning4j.nn.conf.layers.ActivationLayer) layer.conf().getLayer())
                .getActivationFn());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        INDArray delta = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(),
                input.ordering());
        return new Pair<>(new DefaultGradient(), ReluGradient.of(input, epsilon, delta));
    }
}
