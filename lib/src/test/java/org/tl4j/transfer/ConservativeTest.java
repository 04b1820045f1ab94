package org.tl4j.transfer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.tl4j.zoo.Architectures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The penalty's step is the formula's: with plain SGD one update moves each weight by -rate * alpha * (w - w_source) more. */
class ConservativeTest {
    static final double RATE = 0.1;
    static final double ALPHA = 0.5;

    private static MultiLayerNetwork sgd(MultiLayerNetwork net) {
        return new TransferLearning.Builder(net)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Sgd(RATE)).seed(1).build()).build();
    }

    @Test
    void oneStepOfL2spPullsWeightsByAlphaWhateverTheBatchSize() {
        for (int batch : new int[]{1, 16}) {
            MultiLayerNetwork plain = sgd(Architectures.mlp(4, 6, 3, 7));
            MultiLayerNetwork pulled = plain.clone();
            Conservative c = Conservative.l2sp(pulled, 1, ALPHA);   // the first layer, anchored at its current weights
            assertEquals(java.util.List.of(0), c.layers(), "the hidden layer's weights");
            INDArray delta = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 6).subi(0.5);
            plain.getLayer(0).getParam("W").addi(delta);     // both start away from the anchor by delta
            pulled.getLayer(0).getParam("W").addi(delta);
            INDArray biasBefore = pulled.getLayer(0).getParam("b").dup();
            Nd4j.getRandom().setSeed(3);
            DataSet data = new DataSet(Nd4j.rand(batch, 4), Nd4j.eye(3).getRows(new int[batch]).reshape(batch, 3));
            plain.fit(data);
            pulled.fit(data);
            INDArray extra = pulled.getLayer(0).getParam("W").sub(plain.getLayer(0).getParam("W"));
            INDArray expected = delta.mul(-RATE * ALPHA);
            assertTrue(extra.equalsWithEps(expected, 1e-5), "batch " + batch + ": extra step " + extra + ", formula " + expected);
            INDArray biasStep = pulled.getLayer(0).getParam("b").sub(biasBefore);
            INDArray plainBiasStep = plain.getLayer(0).getParam("b").sub(biasBefore);
            assertTrue(biasStep.equalsWithEps(plainBiasStep, 1e-6), "biases get no pull");
        }
    }
}
