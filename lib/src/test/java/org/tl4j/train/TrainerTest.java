package org.tl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.viz.ModelSummaryTestAccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    @Test
    void trainingImprovesOnChanceAndRecordsEachEpoch() {
        ImageSet train = Mnist.train().sample(1200, 1);
        ImageSet test = Mnist.test().sample(300, 2);
        MultiLayerNetwork net = ModelSummaryTestAccess.smallCnn();
        double before = Trainer.accuracy(net, test.batches(100));
        History h = Trainer.of(net).epochs(3).live(false).fit(train.batches(32), test.batches(100));
        assertEquals(3, h.epochs());
        assertEquals(3, h.table().rowCount());
        assertTrue(h.lastAccuracy() > 0.6 && h.lastAccuracy() > before + 0.3,
                "accuracy " + before + " -> " + h.lastAccuracy());
        assertTrue(h.table().doubleColumn("train loss").get(1) < h.table().doubleColumn("train loss").get(0));
    }

    @Test
    void sameSeedSameResult() {
        ImageSet train = Mnist.train().sample(200, 3);
        ImageSet test = Mnist.test().sample(100, 4);
        History a = Trainer.of(ModelSummaryTestAccess.smallCnn()).live(false).fit(train.batches(32), test.batches(100));
        History b = Trainer.of(ModelSummaryTestAccess.smallCnn()).live(false).fit(train.batches(32), test.batches(100));
        assertEquals(a.lastLoss(), b.lastLoss(), 1e-5);
        assertEquals(a.lastAccuracy(), b.lastAccuracy(), 1e-9);
    }

    @Test
    void theBestValidationEpochIsRestored() {
        ImageSet train = Mnist.train().sample(40, 5);
        ImageSet validation = Mnist.test().sample(100, 6);
        MultiLayerNetwork net = ModelSummaryTestAccess.smallCnn();
        // 40 images, small batches, many epochs: validation accuracy peaks before the end
        History h = Trainer.of(net).epochs(12).live(false).restoreBestEpoch().fit(train.batches(4), validation.batches(100));
        double[] perEpoch = h.accuracies();
        assertEquals(h.bestAccuracyEpoch(), h.bestEpoch());
        assertTrue(h.bestEpoch() < h.epochs(), "this case needs a best epoch before the last, got " + h.bestEpoch());
        assertEquals(perEpoch[h.bestEpoch() - 1], Trainer.accuracy(net, validation.batches(100)), 1e-9,
                "the network keeps the weights of epoch " + h.bestEpoch());
    }

    @Test
    void aPlanNamesItsSettingsAndRefusesImpossibleOnes() {
        Plan p = Plan.epochs(15).batch(10).seed(3).fineTuneRate(3e-4);
        assertEquals(15, p.epochs());
        assertEquals(5, p.headEpochs());
        assertEquals(10, p.fineTuneEpochs());
        assertEquals(3e-4, p.fineTuneRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plan.epochs(4).headFirst(4));
        assertTrue(e.getMessage().contains("1 to 3 of the 4 epochs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plan.epochs(4).learningRate(0));
        assertThrows(IllegalArgumentException.class, () -> Plan.epochs(0));
    }

    @Test
    void badArgumentsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(ModelSummaryTestAccess.smallCnn()).epochs(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
