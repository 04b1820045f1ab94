package org.tl4j.backend;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java word-vector lookup and text pooling compute what DL4J's EmbeddingSequenceLayer and
 * GlobalPoolingLayer compute, in a text classifier: outputs, gradients, training steps.
 */
class FastTextLayersTest {
    private static final int WORDS = 40;
    private static final int LENGTH = 7;

    @Test
    void textsHaveTheBuiltInOutputsGradientsAndTrainingSteps() {
        for (PoolingType pooling : new PoolingType[]{PoolingType.AVG, PoolingType.SUM}) {
            for (boolean masked : new boolean[]{true, false}) {
                for (boolean bias : new boolean[]{false, true}) {
                    assertSameSteps(pooling, masked, bias);
                }
            }
        }
    }

    @Test
    void vectorsLastLayoutHasTheBuiltInGradients() { // [texts, words, vector], classified word by word
        EmbeddingSequenceLayer lookup = new EmbeddingSequenceLayer.Builder().name("embedding").nIn(WORDS).nOut(5)
                .inputLength(LENGTH).hasBias(true).outputDataFormat(RNNFormat.NWC).weightInit(WeightInit.NORMAL).build();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.FLOAT)
                .updater(new Adam(1e-2)).list()
                .layer(lookup)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nIn(5).nOut(3)
                        .dataFormat(RNNFormat.NWC).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build());
        net.init();
        MultiLayerNetwork fast = FastPath.install(net);
        assertInstanceOf(FastEmbeddingLayer.class, fast.getLayer(0));
        MultiLayerNetwork builtIn = fast.clone();
        INDArray x = texts(5, 12, false).getFeatures();
        INDArray y = Nd4j.zeros(DataType.FLOAT, 5, LENGTH, 3);
        for (int i = 0; i < 5; i++) {
            for (int t = 0; t < LENGTH; t++) {
                y.putScalar(new long[]{i, t, (i + t) % 3}, 1);
            }
        }
        DataSet batch = new DataSet(x, y);
        assertClose(builtIn.output(x), fast.output(x), "output");
        assertClose(gradient(builtIn, batch), gradient(fast, batch), "gradient");
    }

    private static void assertSameSteps(PoolingType pooling, boolean masked, boolean bias) {
        MultiLayerNetwork fast = FastPath.install(classifier(bias, false, pooling));
        assertInstanceOf(FastEmbeddingLayer.class, fast.getLayer(0));
        assertInstanceOf(FastAveragePoolingLayer.class, fast.getLayer(1));
        MultiLayerNetwork builtIn = fast.clone(); // DL4J's own layers, same weights
        assertEquals(org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer.class,
                builtIn.getLayer(0).getClass());
        assertEquals(org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer.class, builtIn.getLayer(1).getClass());
        DataSet batch = texts(9, 3, masked);
        String what = pooling + (masked ? ", masked" : ", whole texts") + (bias ? ", with bias" : ", without bias");
        assertClose(builtIn.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(), null),
                fast.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(), null), "output " + what);
        assertClose(gradient(builtIn, batch), gradient(fast, batch), "gradient " + what);
        for (int i = 0; i < 5; i++) {
            DataSet b = texts(9, 10 + i, masked);
            fast.fit(b);
            builtIn.fit(b);
        }
        assertClose(builtIn.params(), fast.params(), "weights after 5 Adam steps, " + what);
    }

    @Test
    void aFrozenLookupRunsInJavaAndStaysFrozen() {
        MultiLayerNetwork fast = FastPath.install(classifier(false, true, PoolingType.AVG));
        assertInstanceOf(FastEmbeddingLayer.class, ((BaseWrapperLayer) fast.getLayer(0)).getUnderlying());
        MultiLayerNetwork builtIn = fast.clone();
        DataSet batch = texts(6, 4, true);
        assertClose(gradient(builtIn, batch), gradient(fast, batch), "gradient");
        INDArray table = fast.getLayer(0).params().dup();
        fast.fit(batch);
        assertEquals(table, fast.getLayer(0).params(), "the frozen word vectors moved");
    }

    @Test
    void aWordPastTheVocabularyGetsDl4jsMessage() {
        MultiLayerNetwork fast = FastPath.install(classifier(false, false, PoolingType.AVG));
        INDArray x = texts(2, 5, true).getFeatures().dup();
        x.putScalar(1, 3, WORDS);
        DL4JInvalidInputException e = assertThrows(DL4JInvalidInputException.class, () -> fast.output(x));
        assertTrue(e.getMessage().contains("Invalid index for embedding layer: got index " + WORDS), e.getMessage());
        x.putScalar(1, 3, -1);
        assertThrows(DL4JInvalidInputException.class, () -> fast.output(x));
    }

    @Test
    void shorterTextsAreReadAsDl4jReadsThem() { // the layer infers the length from its input
        MultiLayerNetwork fast = FastPath.install(classifier(false, false, PoolingType.AVG));
        MultiLayerNetwork builtIn = fast.clone();
        INDArray shorter = texts(3, 8, true).getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, LENGTH - 2));
        assertClose(builtIn.output(shorter), fast.output(shorter), "output of texts cut to " + (LENGTH - 2) + " words");
    }

    @Test
    void savedModelsStayDl4jsOwn() throws Exception {
        MultiLayerNetwork fast = FastPath.install(classifier(true, false, PoolingType.AVG));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelSerializer.writeModel(fast, out, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(out.toByteArray()), false);
        assertEquals(org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer.class, restored.getLayer(0).getClass());
        DataSet batch = texts(4, 6, true);
        assertClose(restored.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(), null),
                fast.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(), null), "restored output");
    }

    /** Texts of 1 to LENGTH words (masked) or of LENGTH words (whole) (word 0 is "unknown"), padded with index 0 under a 0 mask. */
    private static DataSet texts(int n, long seed, boolean masked) {
        Random r = new Random(seed);
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, LENGTH);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, n, LENGTH);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            int words = masked ? 1 + r.nextInt(LENGTH) : LENGTH;
            for (int t = 0; t < words; t++) {
                x.putScalar(i, t, r.nextInt(WORDS));
                mask.putScalar(i, t, 1);
            }
            y.putScalar(i, r.nextInt(3), 1);
        }
        return new DataSet(x, y, masked ? mask : null, null);
    }

    private static MultiLayerNetwork classifier(boolean bias, boolean frozen, PoolingType pooling) {
        EmbeddingSequenceLayer lookup = new EmbeddingSequenceLayer.Builder().name("embedding").nIn(WORDS).nOut(5)
                .inputLength(LENGTH).hasBias(bias).weightInit(WeightInit.NORMAL).build();
        Layer first = frozen ? new FrozenLayer.Builder().layer(lookup).name("embedding").build() : lookup;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.FLOAT)
                .updater(new Adam(1e-2)).list()
                .layer(first)
                .layer(new GlobalPoolingLayer.Builder(pooling).name("average").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build());
        net.init();
        return net;
    }

    private static INDArray gradient(MultiLayerNetwork net, DataSet batch) {
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.setLayerMaskArrays(batch.getFeaturesMaskArray(), null);
        net.computeGradientAndScore();
        INDArray g = net.gradient().gradient().dup();
        net.clearLayerMaskArrays();
        return g;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertTrue(java.util.Arrays.equals(expected.shape(), actual.shape()), what + ": shapes differ");
        double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-5 * scale, what + ": largest difference " + diff + " (scale " + scale + ")");
    }
}
