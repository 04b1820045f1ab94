package org.tl4j.grading;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What DL4J's own layers compute, for checks that compare a student's hand-written version with them:
 * a convolution with one filter, max pooling, a convolution layer's parameter count.
 */
public final class Reference {
    private Reference() {
    }

    /**
     * One filter over one image, no bias, no activation, zero padding: DL4J's ConvolutionLayer. The image is
     * [rows, cols] with a kernel [k, k], or [channels, rows, cols] with a kernel [channels, k, k] (the filter
     * adds up what it finds in every channel).
     */
    public static INDArray convolution(INDArray image, INDArray kernel, int stride, int padding) {
        INDArray img = image.rank() == 2 ? image.reshape(1, image.rows(), image.columns()) : image;
        INDArray ker = kernel.rank() == 2 ? kernel.reshape(1, kernel.rows(), kernel.columns()) : kernel;
        int channels = (int) img.size(0);
        int kh = (int) ker.size(1);
        int kw = (int) ker.size(2);
        MultiLayerNetwork net = network(new ConvolutionLayer.Builder(kh, kw).nIn(channels).nOut(1).stride(stride, stride)
                .padding(padding, padding).activation(Activation.IDENTITY).build());
        net.getLayer(0).setParam("W", ker.castTo(DataType.DOUBLE).reshape(1, channels, kh, kw));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.DOUBLE, 1, 1));
        return image2d(net.output(img.castTo(DataType.DOUBLE).reshape(1, channels, img.size(1), img.size(2))));
    }

    /** Max pooling of a map [rows, cols] over size x size windows moved by stride: DL4J's SubsamplingLayer. */
    public static INDArray maxPool(INDArray map, int size, int stride) {
        MultiLayerNetwork net = network(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(size, size).stride(stride, stride).build());
        return image2d(net.output(map.castTo(DataType.DOUBLE).reshape(1, 1, map.rows(), map.columns())));
    }

    /** Weights and biases of a convolution layer, as DL4J counts them. */
    public static long convolutionParameters(int kernel, int channelsIn, int filters) {
        return network(new ConvolutionLayer.Builder(kernel, kernel).nIn(channelsIn).nOut(filters).build()).numParams();
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer layer) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(layer).build());
        net.init();
        return net;
    }

    private static INDArray image2d(INDArray out) {
        return out.reshape(out.size(2), out.size(3));
    }
}
