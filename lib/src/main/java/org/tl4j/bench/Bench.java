package org.tl4j.bench;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tl4j.backend.Backend;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.transfer.Featurized;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import java.util.List;
import java.util.Locale;

/** `make bench`: speed figures of the engine and the data path, printed as a table. */
public final class Bench {
    private static final int TRAIN_EXAMPLES = 3200;
    private static final int INFER_EXAMPLES = 5120;

    private Bench() {
    }

    public static void main(String[] args) {
        Backend.configure();
        long t0 = System.nanoTime();
        Nd4j.ones(2, 2).sumNumber();
        row("first ND4J result in a fresh JVM", seconds(t0), "s");
        long t1 = System.nanoTime();
        ImageSet train = Mnist.train();
        row("load MNIST training set (60,000 images, checksum included)", seconds(t1), "s");
        ImageSet sample = train.first(TRAIN_EXAMPLES);
        List<DataSet> batches = sample.toDataSet().batchBy(64);
        INDArray inferInput = train.first(INFER_EXAMPLES).toDataSet().getFeatures();

        for (boolean helpers : new boolean[]{false, true}) {
            System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, String.valueOf(!helpers));
            MultiLayerNetwork net = lenet();
            String label = "LeNet, oneDNN helpers " + (helpers ? "on " : "off");
            for (int i = 0; i < 5; i++) {
                net.fit(batches.get(i)); // warm-up
            }
            long t = System.nanoTime();
            for (DataSet b : batches) {
                net.fit(b);
            }
            row(label + ": training, batch 64, Adam", TRAIN_EXAMPLES / seconds(t), "examples/s");
            net.output(inferInput.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 256)));
            long ti = System.nanoTime();
            for (int from = 0; from < INFER_EXAMPLES; from += 256) {
                net.output(inferInput.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + 256)));
            }
            row(label + ": inference, batch 256", INFER_EXAMPLES / seconds(ti), "examples/s");
        }
        System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, "false");
        zoo(train);
        featurizeOnce();
        System.out.println("engine: " + Backend.summary() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    /** Load time, training and inference speed of every zoo model. */
    private static void zoo(ImageSet train) {
        ImageSet source = train.classes(0, 1, 2, 3, 4).first(TRAIN_EXAMPLES);
        List<DataSet> batches = source.toDataSet().batchBy(64);
        INDArray input = source.toDataSet().getFeatures();
        for (String name : Zoo.names()) {
            Zoo.load(name); // warm
            long t = System.nanoTime();
            MultiLayerNetwork net = Zoo.load(name).network();
            row("zoo " + name + ": load", seconds(t) * 1000, "ms");
            for (int i = 0; i < 5; i++) {
                net.fit(batches.get(i));
            }
            long tt = System.nanoTime();
            for (DataSet b : batches) {
                net.fit(b);
            }
            row("zoo " + name + ": training, batch 64", TRAIN_EXAMPLES / seconds(tt), "examples/s");
            long ti = System.nanoTime();
            for (int from = 0; from + 256 <= input.size(0); from += 256) {
                net.output(input.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + 256)));
            }
            row("zoo " + name + ": inference, batch 256", (input.size(0) / 256 * 256) / seconds(ti), "examples/s");
        }
    }

    /** Training a frozen LeNet's head: through the whole network vs on features computed once. */
    private static void featurizeOnce() {
        SourceModel lenet = Zoo.load("lenet-mnist-0to4");
        ImageSet target = Mnist.train().classes(5, 6, 7, 8, 9).perClass(200, 1);
        ImageSet val = Mnist.test().classes(5, 6, 7, 8, 9).perClass(100, 2);
        int epochs = 5;
        History naive = Trainer.of(Transfer.featureExtractor(lenet, 5)).epochs(epochs).live(false)
                .fit(target.shuffledBatches(32, 1), val.batches(500));
        long t = System.nanoTime();
        History fast = Featurized.of(Transfer.featureExtractor(lenet, 5)).fit(target, val, epochs, 32, 1, false);
        double withFeaturizing = seconds(t);
        row("frozen LeNet head, 1000 images: full network, per epoch", naive.totalSeconds() / epochs, "s");
        row("frozen LeNet head, 1000 images: featurized once, per epoch", fast.totalSeconds() / epochs, "s");
        row("featurize-once speed-up (training epochs only)", naive.totalSeconds() / fast.totalSeconds(), "x");
        row("featurize-once: one-off featurizing + all epochs", withFeaturizing, "s");
        row("accuracy: full network / featurized", 100 * naive.lastAccuracy(), "% / " + String.format(Locale.ROOT, "%.2f%%", 100 * fast.lastAccuracy()));
    }

    /** The LeNet of the course's speed figures: conv 5x5x20, max-pool, conv 5x5x50, max-pool, dense 500, softmax. */
    static MultiLayerNetwork lenet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).activation(Activation.IDENTITY).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).activation(Activation.IDENTITY).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build());
        net.init();
        return net;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void row(String what, double value, String unit) {
        System.out.printf(Locale.ROOT, "%-64s %10.2f %s%n", what, value, unit);
    }
}
