package org.tl4j.zoo;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tl4j.course.Messages;

/** The source architectures of the course, with named layers, for 28x28 grey-scale images. */
public final class Architectures {
    private static final Messages TEXT = Messages.of(Architectures.class);
    private Architectures() {
    }

    /** LeNet-style: conv1 5x5x20, pool1, conv2 5x5x50, pool2, fc 500, output. */
    public static MultiLayerNetwork lenet(int classes, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(20).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(50).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(500).activation(Activation.RELU).build())
                .layer(output(classes))
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        return init(conf);
    }

    /**
     * A small VGG-style network with batch normalisation after every convolution:
     * (conv 3x3x16, bn, relu, conv 3x3x16, bn, relu, pool), the same with 32 filters, fc 128, output.
     */
    public static MultiLayerNetwork smallVgg(int classes, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list()
                .layer(conv("conv1a", 16)).layer(bn("bn1a")).layer(relu("relu1a"))
                .layer(conv("conv1b", 16)).layer(bn("bn1b")).layer(relu("relu1b"))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(conv("conv2a", 32)).layer(bn("bn2a")).layer(relu("relu2a"))
                .layer(conv("conv2b", 32)).layer(bn("bn2b")).layer(relu("relu2b"))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(128).activation(Activation.RELU).build())
                .layer(output(classes))
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        return init(conf);
    }

    /** A multi-layer perceptron: inputs, one hidden layer, softmax output (the backpropagation lesson). */
    public static MultiLayerNetwork mlp(int inputs, int hidden, int classes, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(inputs).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nIn(hidden).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build();
        return init(conf);
    }

    private static ConvolutionLayer conv(String name, int filters) {
        // identity here: batch normalisation follows, then the ReLU
        return new ConvolutionLayer.Builder(3, 3).name(name).nOut(filters).padding(1, 1).activation(Activation.IDENTITY).build();
    }

    private static BatchNormalization bn(String name) {
        // DL4J's batch normalisation (on the CPU helper path) does not apply an activation given here: a layer of its own does
        return new BatchNormalization.Builder().name(name).activation(Activation.IDENTITY).build();
    }

    private static ActivationLayer relu(String name) {
        return new ActivationLayer.Builder().name(name).activation(Activation.RELU).build();
    }

    private static OutputLayer output(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException(TEXT.get("Architectures.twoClasses", classes));
        }
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build();
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return org.tl4j.backend.FastPath.install(net);
    }
}
