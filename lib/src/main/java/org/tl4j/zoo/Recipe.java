package org.tl4j.zoo;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.data.ImageSet;

import java.util.function.Supplier;

/** How a zoo model is made: an architecture, source data, and the training settings. */
record Recipe(String name, String architecture, String sourceData, Supplier<MultiLayerNetwork> network,
              Supplier<ImageSet> train, Supplier<ImageSet> test, int epochs, int batchSize, long seed) {
}
