package org.tl4j.backend;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tl4j.data.Mnist;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.Zoo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path computes what DL4J's built-in path computes: layer outputs and every parameter's
 * gradient, for each kind of layer the course uses, within float tolerance.
 */
class FastPathTest {
    private static final double TOLERANCE = 1e-4; // relative to the largest magnitude compared

    @BeforeAll
    static void engine() {
        Backend.configure();
    }

    @AfterAll
    static void helpersBackOn() {
        System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, "false");
    }

    @Test
    void nativeMaxPoolingMatchesAHandComputedPooling() {
        MultiLayerNetwork net = FastPath.install(lenetLike());
        assertEquals(2, FastPath.nativePoolingLayers(net));
        INDArray x = input(4, 28);
        INDArray afterConv = net.feedForwardToLayer(0, x, false).get(1);
        INDArray pooled = net.feedForwardToLayer(1, x, false).get(2);
        assertClose(maxPool2x2(afterConv), pooled, "pool1 output");
    }

    @Test
    void lenetOnTheFastPathHasTheBuiltInOutputsAndGradients() {
        MultiLayerNetwork fast = assertSamePathResults(FastPathTest::lenetLike, 28);
        assertEquals(2, FastPath.fastConvolutionLayers(fast), "both convolutions run on FastConvolutionLayer");
        assertInstanceOf(FastDenseLayer.class, fast.getLayer("fc"));
    }

    @Test
    void stridedSameModeAndBiaslessConvolutionsHaveTheBuiltInOutputsAndGradients() {
        MultiLayerNetwork fast = assertSamePathResults(FastPathTest::stridedLike, 14);
        assertEquals(2, FastPath.fastConvolutionLayers(fast));
        assertInstanceOf(FastActivationLayer.class, fast.getLayer(1));
    }

    @Test
    void trainingStepsOnTheFastPathFollowTheBuiltInPath() {
        MultiLayerNetwork fast = FastPath.install(lenetLike());
        MultiLayerNetwork builtIn = fast.clone(); // fresh DL4J layers, same weights and updater
        assertEquals(0, FastPath.fastConvolutionLayers(builtIn));
        var batch = Mnist.train().classes(0, 1, 2, 3, 4).first(64).toDataSet();
        for (int i = 0; i < 5; i++) {
            fast.fit(batch);
            builtIn.fit(batch);
        }
        assertClose(builtIn.params(), fast.params(), "weights after 5 Adam steps");
    }

    @Test
    void batchNormTrainingOnTheFastPathFollowsTheBuiltInPath() {
        // plain SGD: Adam would turn float noise in the zero gradient of conv1's bias (BN follows) into whole steps
        MultiLayerNetwork fast = FastPath.install(vggLike(new org.nd4j.linalg.learning.config.Sgd(0.05)));
        MultiLayerNetwork builtIn = fast.clone();
        assertEquals(0, FastPath.batchStatsLayers(builtIn));
        INDArray x = input(8, 14);
        INDArray y = Nd4j.eye(5).getRows(0, 1, 2, 3, 4, 0, 1, 2).castTo(DataType.FLOAT);
        for (int i = 0; i < 5; i++) {
            fast.fit(x, y);
            builtIn.fit(x, y);
        }
        assertClose(builtIn.params(), fast.params(), "weights, scale and shift after 5 steps");
        for (String stat : new String[]{"mean", "log10stdev"}) { // DL4J's running statistics
            assertClose(builtIn.getLayer(1).getParam(stat), fast.getLayer(1).getParam(stat), "running " + stat);
        }
        assertClose(builtIn.output(x), fast.output(x), "inference on the running statistics");
        assertEquals(0, helperFailures(fast.getLayer(1)), "BatchStatsHelper failed and DL4J fell back on its own path");
    }

    @Test
    void everyFreezingPointHasTheBuiltInGradients() {
        var zoo = Zoo.load("lenet-mnist-0to4");
        var batch = Mnist.train().classes(5, 6, 7, 8, 9).first(16).toDataSet();
        for (String last : new String[]{"pool2", "conv2", "pool1", "conv1"}) {
            MultiLayerNetwork fast = Transfer.from(zoo).freezeThrough(last).newHead(5).build();
            MultiLayerNetwork builtIn = fast.clone();
            assertClose(gradient(builtIn, batch.getFeatures(), batch.getLabels()),
                    gradient(fast, batch.getFeatures(), batch.getLabels()), "gradient, frozen through " + last);
            INDArray frozen = fast.getLayer(0).params().dup();
            fast.fit(batch);
            assertEquals(frozen, fast.getLayer(0).params(), "conv1 moved, frozen through " + last);
        }
        MultiLayerNetwork all = Transfer.from(zoo).newHead(5).build();
        assertEquals(2, FastPath.fastConvolutionLayers(all));
        assertClose(gradient(all.clone(), batch.getFeatures(), batch.getLabels()),
                gradient(all, batch.getFeatures(), batch.getLabels()), "gradient, nothing frozen");
    }

    @Test
    void featurizedTrainingHasTheWholeBuiltInNetworksGradients() {
        var zoo = Zoo.load("lenet-mnist-0to4");
        MultiLayerNetwork net = Transfer.featureExtractor(zoo, 5);
        var featurized = org.tl4j.transfer.Featurized.of(net);
        var images = Mnist.train().classes(5, 6, 7, 8, 9).first(32);
        var features = featurized.features(images);
        MultiLayerNetwork top = FastPath.install(featurized.trainablePart());
        gradient(top, features.getFeatures(), features.getLabels());
        MultiLayerNetwork builtIn = net.clone(); // the whole network, DL4J's own layers, on the images
        var batch = images.toDataSet();
        gradient(builtIn, batch.getFeatures(), batch.getLabels());
        int frozen = net.getnLayers() - top.getnLayers();
        for (int i = 0; i < top.getnLayers(); i++) {
            if (top.getLayer(i).numParams() > 0) {
                assertClose(builtIn.getLayer(frozen + i).getGradientsViewArray(), top.getLayer(i).getGradientsViewArray(),
                        "gradient of " + top.getLayer(i).conf().getLayer().getLayerName() + " on featurized input");
            }
        }
    }

    @Test
    void theInputGradientIsStillThereWhenAskedFor() {
        MultiLayerNetwork fast = FastPath.install(lenetLike());
        MultiLayerNetwork builtIn = fast.clone();
        INDArray x = input(4, 28);
        INDArray y = Nd4j.eye(5).getRows(0, 1, 2, 3).castTo(DataType.FLOAT);
        INDArray expected = builtIn.calculateGradients(x, y, null, null).getSecond();
        assertClose(expected, fast.calculateGradients(x, y, null, null).getSecond(), "input gradient (a saliency map's)");
    }

    @Test
    void paddedConvolutionsAndBatchNormHaveTheBuiltInOutputsAndGradients() {
        MultiLayerNetwork fast = assertSamePathResults(FastPathTest::vggLike, 14);
        assertInstanceOf(MKLDNNConvHelper.class, ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) fast.getLayer(0)).getHelper());
        assertInstanceOf(BatchStatsHelper.class,
                ((org.deeplearning4j.nn.layers.normalization.BatchNormalization) fast.getLayer(1)).getHelper());
        assertEquals(1, FastPath.batchStatsLayers(fast));
    }

    @Test
    void frozenPoolingLayersRunNativeAndStayFrozen() {
        MultiLayerNetwork net = Transfer.featureExtractor(Zoo.load("lenet-mnist-0to4"), 5);
        assertEquals(2, FastPath.nativePoolingLayers(net), "Transfer.build installs the fast path, frozen layers included");
        INDArray conv1 = net.getLayer(0).params().dup();
        var batch = Mnist.train().classes(5, 6, 7, 8, 9).first(32).toDataSet();
        INDArray before = net.output(batch.getFeatures());
        net.fit(batch);
        assertEquals(conv1, net.getLayer(0).params(), "frozen conv1 changed");
        assertTrue(!before.equals(net.output(batch.getFeatures())), "the head did not train");
    }

    @Test
    void installIsIdempotentKeepsNamesAndSavesLikeDl4j() throws Exception {
        MultiLayerNetwork net = lenetLike();
        FastPath.install(net);
        FastPath.install(net);
        assertEquals(2, FastPath.nativePoolingLayers(net));
        assertSame(net.getLayer(1), net.getLayer("pool1"), "the name map points at the swapped layer");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, out, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(out.toByteArray()), false);
        assertEquals(0, FastPath.nativePoolingLayers(restored), "the saved configuration is DL4J's own");
        INDArray x = input(3, 28);
        assertClose(restored.output(x), net.output(x), "restored output");
    }

    /** Builds the same network three ways and compares outputs and gradients with the fast one. */
    private static MultiLayerNetwork assertSamePathResults(Supplier<MultiLayerNetwork> build, int side) {
        System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, "true");
        MultiLayerNetwork builtIn = build.get();
        System.setProperty(Backend.HELPERS_DISABLE_PROPERTY, "false");
        MultiLayerNetwork helpers = build.get();
        MultiLayerNetwork fast = FastPath.install(build.get());
        assertNull(((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) builtIn.getLayer(0)).getHelper());
        helpers.setParams(builtIn.params().dup());
        fast.setParams(builtIn.params().dup());

        INDArray x = input(8, side);
        INDArray y = Nd4j.eye(5).getRows(0, 1, 2, 3, 4, 0, 1, 2).castTo(DataType.FLOAT);
        INDArray expected = builtIn.output(x, false);
        assertClose(expected, helpers.output(x, false), "oneDNN helpers, inference");
        assertClose(expected, fast.output(x, false), "fast path, inference");
        INDArray g = gradient(builtIn, x, y);
        assertClose(g, gradient(helpers, x, y), "oneDNN helpers, gradient");
        assertClose(g, gradient(fast, x, y), "fast path, gradient");
        assertEquals(builtIn.score(), fast.score(), 1e-5, "loss");
        for (org.deeplearning4j.nn.api.Layer layer : fast.getLayers()) {
            assertEquals(0, helperFailures(layer), layer.conf().getLayer().getLayerName() + ": a helper failed, DL4J fell back");
        }
        return fast;
    }

    /** How often DL4J caught a helper's exception and fell back on its built-in path (it only logs a warning). */
    private static int helperFailures(org.deeplearning4j.nn.api.Layer layer) {
        for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                var f = c.getDeclaredField("helperCountFail");
                f.setAccessible(true);
                return f.getInt(layer);
            } catch (NoSuchFieldException e) {
                // a superclass may declare it
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return 0; // a layer without helpers
    }

    private static INDArray gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    private static MultiLayerNetwork lenetLike() {
        return init(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(20).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build());
    }

    /** A stride-2 Same-mode convolution first, a ReLU layer, then a bias-free tanh convolution: DL4J's full backward pass. */
    private static MultiLayerNetwork stridedLike() {
        return init(new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(4).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder().name("relu").activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(6).padding(1, 1).hasBias(false)
                        .activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(14, 14, 1)).build());
    }

    /** 3x3 padded convolutions with batch normalisation, and an overlapping 3x3 stride-2 pooling in Same mode. */
    private static MultiLayerNetwork vggLike() {
        return vggLike(new Adam(1e-3));
    }

    private static MultiLayerNetwork vggLike(org.nd4j.linalg.learning.config.IUpdater updater) {
        return init(new NeuralNetConfiguration.Builder().seed(4).updater(updater).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(6).padding(1, 1).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().name("bn1").activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(14, 14, 1)).build());
    }

    private static MultiLayerNetwork init(org.deeplearning4j.nn.conf.MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray input(int n, int side) {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.FLOAT, n, side * side);
    }

    /** 2x2, stride 2 max pooling of an NCHW array, by loops. */
    private static INDArray maxPool2x2(INDArray x) {
        long n = x.size(0), c = x.size(1), h = x.size(2) / 2, w = x.size(3) / 2;
        INDArray out = Nd4j.create(DataType.FLOAT, n, c, h, w);
        for (long a = 0; a < n; a++) {
            for (long b = 0; b < c; b++) {
                for (long i = 0; i < h; i++) {
                    for (long j = 0; j < w; j++) {
                        double m = Math.max(Math.max(x.getDouble(a, b, 2 * i, 2 * j), x.getDouble(a, b, 2 * i, 2 * j + 1)),
                                Math.max(x.getDouble(a, b, 2 * i + 1, 2 * j), x.getDouble(a, b, 2 * i + 1, 2 * j + 1)));
                        out.putScalar(new long[]{a, b, i, j}, m);
                    }
                }
            }
        }
        return out;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertTrue(java.util.Arrays.equals(expected.shape(), actual.shape()), what + ": shapes differ");
        double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= TOLERANCE * scale, what + ": largest difference " + diff + " (scale " + scale + ")");
    }
}
