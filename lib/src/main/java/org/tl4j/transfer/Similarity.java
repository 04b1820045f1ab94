package org.tl4j.transfer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.data.ImageSet;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.zoo.SourceModel;

/**
 * How similar a target is to a source, measured instead of guessed: a linear probe trains only a
 * new output layer on the source's frozen features for a fixed number of epochs, and its accuracy on
 * held-out images, rescaled so that chance is 0 and perfect is 1, says how well those features already
 * separate the target classes. Nothing is chosen on the held-out images (no best epoch), so their
 * accuracy is an honest measurement.
 */
public final class Similarity {
    private Similarity() {
    }

    public static double linearProbe(SourceModel source, ImageSet train, ImageSet heldOut, int epochs, long seed) {
        MultiLayerNetwork probe = Transfer.headOnly(source, train.numClasses());
        History h = Trainer.of(probe).epochs(epochs).live(false).name("linear probe")
                .fit(train.shuffledBatches(16, seed), heldOut.batches(500));
        double chance = 1.0 / train.numClasses();
        return Math.max(0, (h.lastAccuracy() - chance) / (1 - chance));
    }
}
