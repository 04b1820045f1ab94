package org.tl4j.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tl4j.transfer.LayerTransfer;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.Architectures;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

/** The exercise checks accept the lessons' own constructions and explain what differs in others. */
class TransferCheckTest {
    static final String SOURCE = "lenet-mnist-0to4";
    static SourceModel lenet;

    @BeforeAll
    static void load() {
        lenet = Zoo.load(SOURCE);
    }

    @Test
    void aFeatureExtractorPassesAndAPartialFreezeIsCounted() {
        assertTrue(TransferCheck.featureExtractor("x", Transfer.featureExtractor(lenet, 5), SOURCE, 5).startsWith("ok"));
        MultiLayerNetwork half = Transfer.from(lenet).freezeThrough("pool1").newHead(5).build();
        AssertionError e = assertThrows(AssertionError.class, () -> TransferCheck.featureExtractor("x", half, SOURCE, 5));
        assertTrue(e.getMessage().contains("you froze 2 layers [conv1, pool1]"), e.getMessage());
        assertFalse(e.getMessage().contains("pool2") || e.getMessage().contains("freezeThrough"), e.getMessage());
    }

    @Test
    void aWrongHeadAndReinitialisedWeightsAreNamed() {
        MultiLayerNetwork tenOutputs = Transfer.from(lenet).freezeThrough("pool2").newHead(10).build();
        AssertionError e = assertThrows(AssertionError.class, () -> TransferCheck.featureExtractor("x", tenOutputs, SOURCE, 5));
        assertTrue(e.getMessage().contains("the output layer has 10 outputs; the target has 5 classes"), e.getMessage());
        MultiLayerNetwork fresh = Transfer.from(lenet).newHead(5).reinitialize("conv2").build();
        e = assertThrows(AssertionError.class, () -> TransferCheck.fineTuneAll("x", fresh, SOURCE, 5));
        assertTrue(e.getMessage().contains("conv2 does not have the source's weights"), e.getMessage());
    }

    @Test
    void learningRatesAreReadPerLayer() {
        MultiLayerNetwork net = Transfer.from(lenet).newHead(5).learningRate(1e-4).learningRate("conv1", 1e-5).build();
        assertTrue(TransferCheck.learningRate("x", net, "conv1", 1e-5).startsWith("ok"));
        AssertionError e = assertThrows(AssertionError.class, () -> TransferCheck.learningRate("x", net, "conv2", 1e-5));
        assertTrue(e.getMessage().contains("conv2 trains with a learning rate of 1.0E-4; it should be 1.0E-5"), e.getMessage());
    }

    @Test
    void copiedLayersAreCountedByWeightedLayersFromTheBottom() {
        LayerTransfer copies = LayerTransfer.of(lenet.network(), () -> Architectures.lenet(5, 7));
        assertEquals("ok: x copies [conv1, conv2], frozen", TransferCheck.copiedLayers("x", copies.network(2, true), SOURCE, 2, true));
        AssertionError e = assertThrows(AssertionError.class, () -> TransferCheck.copiedLayers("x", copies.network(1, true), SOURCE, 2, true));
        assertTrue(e.getMessage().contains("1 weighted layers [conv1] have the source's weights; 2 were asked"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> TransferCheck.copiedLayers("x", copies.network(2, false), SOURCE, 2, true));
        assertTrue(e.getMessage().contains("the frozen layers are []"), e.getMessage());
    }

    @Test
    void anAnswerOfTheWrongTypeIsNamed() {
        AssertionError e = assertThrows(AssertionError.class, () -> TransferCheck.featureExtractor("extractor", "conv1", SOURCE, 5));
        assertEquals("extractor should be a MultiLayerNetwork, but it is a String.", e.getMessage());
    }
}
