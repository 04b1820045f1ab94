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
    void badArgumentsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(ModelSummaryTestAccess.smallCnn()).epochs(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
