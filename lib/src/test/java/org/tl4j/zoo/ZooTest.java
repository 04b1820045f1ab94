package org.tl4j.zoo;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.model.LeNet;
import org.junit.jupiter.api.Test;
import org.tl4j.train.Trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZooTest {
    @Test
    void everyModelLoadsAndScoresWhatItsCardSays() {
        for (String name : Zoo.names()) {
            SourceModel m = Zoo.load(name);
            ModelCard card = m.card();
            assertEquals(name, card.name());
            assertEquals(5, card.classes().size());
            assertTrue(card.testAccuracy() > 0.85, name + " " + card.testAccuracy());
            assertTrue(card.epochs() >= 1 && card.epochs() <= Zoo.recipe(name).maxEpochs(), name + ": epoch kept " + card.epochs());
            double measured = Trainer.accuracy(m.network(), Zoo.recipe(name).test().get().batches(500));
            assertEquals(card.testAccuracy(), measured, 1e-3, name + ": the committed file does not score what its card says");
        }
    }

    @Test
    void loadingGivesIndependentCopies() {
        MultiLayerNetwork a = Zoo.load("lenet-mnist-0to4").network();
        MultiLayerNetwork b = Zoo.load("lenet-mnist-0to4").network();
        a.params().addi(1);
        assertTrue(!a.params().equals(b.params()));
    }

    @Test
    void unknownNamesListTheZoo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zoo.load("resnet"));
        assertTrue(e.getMessage().contains("lenet-mnist-0to4") && e.getMessage().contains("vgg-mnist-0to4"), e.getMessage());
        assertEquals(Zoo.names().size(), Zoo.catalogue().rowCount());
    }

    @Test
    void dl4jZooWithoutItsServerSaysWhatToDoInstead() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Zoo.dl4jPretrained(LeNet.builder().build(), PretrainedType.MNIST));
        assertTrue(e.getMessage().contains("offline") && e.getMessage().contains("Zoo.load"), e.getMessage());
    }
}
