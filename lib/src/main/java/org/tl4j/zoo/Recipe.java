package org.tl4j.zoo;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.data.ImageSet;

import java.util.function.Supplier;

/**
 * How a zoo model is made: an architecture, source data, and the training settings. It trains to convergence:
 * up to {@code maxEpochs}, stopping once {@code patience} epochs pass without a better accuracy on a validation
 * part held out from the training data; the best epoch's weights are kept and measured on the test data.
 */
record Recipe(String name, String architecture, String sourceData, Supplier<MultiLayerNetwork> network,
              Supplier<ImageSet> train, Supplier<ImageSet> test, int maxEpochs, int patience, int batchSize, long seed) {
    /** The share of the training data held out for validation. */
    static final double VALIDATION_FRACTION = 0.1;
}
