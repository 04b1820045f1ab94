package org.tl4j.viz;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSummaryTest {
    static MultiLayerNetwork smallCnn() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Adam(1e-3)).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder().name("pool1").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("dense").nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build());
        net.init();
        return net;
    }

    @Test
    void oneRowPerLayerWithSizesAndParameters() {
        MultiLayerNetwork net = smallCnn();
        Table t = ModelSummary.of(net);
        assertEquals(4, t.rowCount());
        assertEquals("conv1", t.stringColumn("layer").get(0));
        assertEquals("ConvolutionLayer", t.stringColumn("type").get(0));
        assertEquals("1", t.stringColumn("nIn").get(0));
        assertEquals("4", t.stringColumn("nOut").get(0));
        assertEquals(4 * 25 + 4, t.longColumn("parameters").get(0));
        assertEquals("-", t.stringColumn("state").get(1));
        assertEquals(net.numParams(), (long) t.longColumn("parameters").sum());
        assertTrue(t.name().contains("0 frozen"), t.name());
    }

    @Test
    void frozenLayersAreMarked() {
        MultiLayerNetwork frozen = new TransferLearning.Builder(smallCnn()).setFeatureExtractor(1).build();
        Table t = ModelSummary.of(frozen);
        assertEquals("frozen", t.stringColumn("state").get(0));
        assertEquals("ConvolutionLayer", t.stringColumn("type").get(0));
        assertEquals("trainable", t.stringColumn("state").get(2));
        assertTrue(t.name().contains(String.format(java.util.Locale.ROOT, "%,d frozen", 4 * 25 + 4)), t.name());
    }

    @Test
    void computationGraphIsSummarised() {
        ComputationGraph graph = smallCnn().toComputationGraph();
        Table t = ModelSummary.of(graph);
        assertEquals(4, t.rowCount());
        assertEquals(graph.numParams(), (long) t.longColumn("parameters").sum());
    }

    @Test
    void renderedAsHtmlTable() {
        Rendition r = Show.rendition(smallCnn());
        assertTrue(r.html().contains("<th>parameters</th>"), r.html());
        assertTrue(r.html().contains("ConvolutionLayer"), r.html());
    }
}
