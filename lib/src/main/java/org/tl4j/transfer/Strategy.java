package org.tl4j.transfer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.zoo.Architectures;
import org.tl4j.zoo.SourceModel;

/** The ways of using (or not using) a LeNet source model on a target, as the four-scenario lesson compares them. */
public enum Strategy {
    SCRATCH("from scratch"),
    FEATURE_EXTRACTOR("feature extractor"),
    FINE_TUNE_TOP("fine-tune top"),
    FINE_TUNE_ALL("fine-tune all"),
    EARLY_LAYERS("early layers kept, rest retrained");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The network this strategy starts training from. */
    public MultiLayerNetwork network(SourceModel source, int classes, long seed) {
        switch (this) {
            case SCRATCH:
                return Architectures.lenet(classes, seed);
            case FEATURE_EXTRACTOR:
                return Transfer.featureExtractor(source, classes);
            case FINE_TUNE_TOP:
                return Transfer.fineTuneTop(source, classes, 2, 1e-3);
            case FINE_TUNE_ALL:
                return Transfer.fineTuneAll(source, classes, 1e-3);
            case EARLY_LAYERS:
                // the first convolution stays, frozen; everything above it starts again from random weights
                return LayerTransfer.of(source.network(), () -> Architectures.lenet(classes, seed)).seed(seed).network(1, true);
            default:
                throw new IllegalStateException(name());
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
