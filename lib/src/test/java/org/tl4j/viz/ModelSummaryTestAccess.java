package org.tl4j.viz;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Lets tests in other packages build the small CNN of {@link ModelSummaryTest}. */
public final class ModelSummaryTestAccess {
    private ModelSummaryTestAccess() {
    }

    public static MultiLayerNetwork smallCnn() {
        return ModelSummaryTest.smallCnn();
    }
}
