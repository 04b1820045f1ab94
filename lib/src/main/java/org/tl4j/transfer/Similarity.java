package org.tl4j.transfer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.data.ImageSet;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.zoo.SourceModel;

/**
 * How similar a target is to a source, measured instead of guessed: a linear probe trains only a
 * new output layer on the source's frozen features, and its validation accuracy, rescaled so that
 * chance is 0 and perfect is 1, says how well those features already separate the target classes.
 */
public final class Similarity {
    private Similarity() {
    }

    public static double linearProbe(SourceModel source, ImageSet train, ImageSet validation, int epochs, long seed) {
        MultiLayerNetwork probe = Transfer.headOnly(source, train.numClasses());
        History h = Trainer.of(probe).epochs(epochs).live(false).name("linear probe")
                .fit(train.shuffledBatches(16, seed), validation.batches(500));
        double chance = 1.0 / train.numClasses();
        return Math.max(0, (h.bestAccuracy() - chance) / (1 - chance));
    }
}
