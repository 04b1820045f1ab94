package org.tl4j.backend;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's max-pooling layer with both passes on {@link NativePoolingHelper}: in 1.0.0-M2.1 the
 * layer's forward pass never asks its helper and so always reached oneDNN's slow NCHW pooling.
 * Same configuration, same results; {@link FastPath} swaps it in.
 */
final class NativePoolingLayer extends SubsamplingLayer {
    NativePoolingLayer(SubsamplingLayer original, DataType dataType) {
        super(original.conf(), dataType);
        setIndex(original.getIndex());
        setListeners(original.getListeners());
        this.helper = new NativePoolingHelper();
    }

    /** The layers this class can stand in for: plain 2-D max pooling, no dropout on its input. */
    static boolean canReplace(org.deeplearning4j.nn.api.Layer layer) {
        if (layer.getClass() != SubsamplingLayer.class) {
            return false; // Subsampling1DLayer and others keep DL4J's path
        }
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer c =
                (org.deeplearning4j.nn.conf.layers.SubsamplingLayer) layer.conf().getLayer();
        return c.getPoolingType() == PoolingType.MAX && c.getIDropout() == null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        if (input.rank() != 4) {
            return super.activate(training, workspaces); // DL4J's own message for a wrong input rank
        }
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer c = layerConf();
        return helper.activate(input.castTo(dataType), training, c.getKernelSize(), c.getStride(), c.getPadding(),
                c.getPoolingType(), convolutionMode, c.getDilation(), c.getCnn2dDataFormat(), workspaces);
    }
}
