package org.tl4j.tools;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tl4j.backend.Backend;
import org.tl4j.backend.FastPath;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.transfer.Featurized;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * `make bench`: speed figures of the engine and the data path, printed as a table. Training and
 * inference speeds are the median of several timed passes after a warm-up; "before" is DL4J's
 * built-in path (no helpers), "after" the course's fast path ({@link FastPath}). The comparison with
 * PyTorch is {@link BenchWorker}'s, alternated in one run.
 */
public final class Bench {
    private static final int TRAIN_BATCH = 64;
    private static final int INFER_BATCH = 256;

    private Bench() {
    }

    /** The three ways DL4J can run the same network on the CPU. */
    enum EnginePath {
        BUILT_IN("before: DL4J built-in path"),
        HELPERS("oneDNN helpers only"),
        FAST("after: course fast path");

        final String label;

        EnginePath(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) {
        Backend.configure();
        long t0 = System.nanoTime();
        Nd4j.ones(2, 2).sumNumber();
        row("first ND4J result in a fresh JVM", seconds(t0), "s");
        long t1 = System.nanoTime();
        ImageSet train = Mnist.train();
        row("load MNIST training set (60,000 images, checksum included)", seconds(t1), "s");
        configuration();

        ImageSet sample = train.first(3200);
        for (EnginePath path : EnginePath.values()) {
            int examples = path == EnginePath.BUILT_IN ? 1280 : 3200;
            double[] s = speed(() -> on(path, Bench::lenet), sample.first(examples), path == EnginePath.BUILT_IN ? 3 : 5);
            row("LeNet, " + path.label + ": training, batch 64, Adam", s[0], "examples/s");
            row("LeNet, " + path.label + ": inference, batch 256", s[1], "examples/s");
        }

        zoo(train);
        featurizeOnce();
        System.out.println("engine: " + Backend.summary() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    private static void configuration() {
        System.out.println("configuration: " + Backend.summary() + "; threads " + Nd4j.getEnvironment().maxThreads()
                + "; OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")
                + "; Java " + System.getProperty("java.version") + ", heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB"
                + "; " + Runtime.getRuntime().availableProcessors() + " cores; median of timed passes after 5 warm-up batches");
    }

    /** Training and inference speed of every zoo model, before and after. */
    private static void zoo(ImageSet train) {
        ImageSet source = train.classes(0, 1, 2, 3, 4).first(1920);
        for (String name : Zoo.names()) {
            long t = System.nanoTime();
            MultiLayerNetwork loaded = Zoo.load(name).network();
            row("zoo " + name + ": load", seconds(t) * 1000, "ms");
            byte[] saved = save(loaded);
            for (EnginePath path : new EnginePath[]{EnginePath.BUILT_IN, EnginePath.FAST}) {
                double[] s = speed(() -> on(path, () -> restore(saved)), source.first(path == EnginePath.BUILT_IN ? 640 : 1920), 3);
                row("zoo " + name + ", " + path.label + ": training", s[0], "examples/s");
                row("zoo " + name + ", " + path.label + ": inference", s[1], "examples/s");
            }
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
        History fast = Featurized.of(Transfer.featureExtractor(lenet, 5)).fit(target, val, org.tl4j.train.Plan.epochs(epochs).batch(32).seed(1));
        double withFeaturizing = seconds(t);
        row("frozen LeNet head, 1000 images: full network, per epoch", naive.totalSeconds() / epochs, "s");
        row("frozen LeNet head, 1000 images: featurized once, per epoch", fast.totalSeconds() / epochs, "s");
        row("featurize-once speed-up (training epochs only)", naive.totalSeconds() / fast.totalSeconds(), "x");
        row("featurize-once: one-off featurizing + all epochs", withFeaturizing, "s");
        row("accuracy: full network / featurized", 100 * naive.lastAccuracy(), "% / " + String.format(Locale.ROOT, "%.2f%%", 100 * fast.lastAccuracy()));
    }

    /** Median training and inference examples/s over {@code passes} timed passes. */
    static double[] speed(Supplier<MultiLayerNetwork> build, ImageSet data, int passes) {
        MultiLayerNetwork net = build.get();
        DataSet all = data.toDataSet();
        List<DataSet> batches = all.batchBy(TRAIN_BATCH);
        List<DataSet> inferBatches = all.batchBy(INFER_BATCH);
        for (int i = 0; i < 5; i++) {
            net.fit(batches.get(i % batches.size()));
        }
        net.output(inferBatches.get(0).getFeatures());
        double[] train = new double[passes];
        double[] infer = new double[passes];
        for (int p = 0; p < passes; p++) {
            long t = System.nanoTime();
            for (DataSet b : batches) {
                net.fit(b);
            }
            train[p] = data.size() / seconds(t);
            long ti = System.nanoTime();
            for (DataSet b : inferBatches) {
                net.output(b.getFeatures());
            }
            infer[p] = data.size() / seconds(ti);
        }
        return new double[]{median(train), median(infer)};
    }

    /** A network built with the helpers the path asks for (DL4J creates helpers when a layer is made). */
    static MultiLayerNetwork on(EnginePath path, Supplier<MultiLayerNetwork> build) {
        System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, String.valueOf(path == EnginePath.BUILT_IN));
        try {
            MultiLayerNetwork net = build.get();
            return path == EnginePath.FAST ? FastPath.install(net) : net;
        } finally {
            System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, "false");
        }
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

    private static byte[] save(MultiLayerNetwork net) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelSerializer.writeModel(net, out, true);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MultiLayerNetwork restore(byte[] saved) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(saved), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void row(String what, double value, String unit) {
        System.out.printf(Locale.ROOT, "%-72s %10.2f %s%n", what, value, unit);
    }
}
