package org.tl4j.transfer;

import org.tl4j.network.Layers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.data.Target;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.zoo.Architectures;
import org.tl4j.zoo.SourceModel;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The ways of using (or not using) a LeNet source model on a target, as the four-scenario lesson
 * compares them. Each arm differs from every other in which layers start from the source and which
 * layers train:
 * <ul>
 * <li>from scratch: nothing from the source, every layer trains;</li>
 * <li>feature extractor: the convolutional base copied and frozen, a new dense head (fully connected
 * layer and softmax) trains;</li>
 * <li>fine-tune top: every layer copied but the output; the new output layer trains alone first, then
 * the top block (the fully connected layer) joins it at the lower fine-tuning rate;</li>
 * <li>fine-tune all: the same start; the new output layer first, then every layer at the lower rate;</li>
 * <li>early layers kept: the first convolution copied and frozen, the rest from random weights.</li>
 * </ul>
 * One more arm stands outside the four-scenario grid: head only, every layer copied and frozen but a new output
 * layer (the linear probe, trained as an arm), for lesson 9's look at what freezing a whole source can cost.
 */
public enum Strategy {
    SCRATCH("from scratch"),
    FEATURE_EXTRACTOR("feature extractor"),
    FINE_TUNE_TOP("fine-tune top"),
    FINE_TUNE_ALL("fine-tune all"),
    EARLY_LAYERS("early layers kept, rest retrained"),
    HEAD_ONLY("head only, everything else frozen");

    /** The five arms of the four-scenario grid (a grid runs these unless told otherwise). */
    public static final List<Strategy> GRID = List.of(SCRATCH, FEATURE_EXTRACTOR, FINE_TUNE_TOP, FINE_TUNE_ALL, EARLY_LAYERS);

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The network this arm starts from, nothing frozen yet (the schedule freezes). */
    public MultiLayerNetwork network(SourceModel source, int classes, long seed) {
        MultiLayerNetwork src = source.network();
        int top = src.getnLayers() - 2;
        return switch (this) {
            case SCRATCH -> Architectures.lenet(classes, seed);
            case FEATURE_EXTRACTOR -> Transfer.from(src).newHead(classes).seed(seed)
                    .reinitialize(IntStream.rangeClosed(Layers.lastFeatureLayer(src) + 1, top).toArray()).build();
            case FINE_TUNE_TOP, FINE_TUNE_ALL, HEAD_ONLY -> Transfer.from(src).newHead(classes).seed(seed).build();
            case EARLY_LAYERS -> LayerTransfer.of(src, () -> Architectures.lenet(classes, seed)).network(1, false);
        };
    }

    /** The stages this arm trains in, within the plan's epochs and rates. */
    public Schedule schedule(MultiLayerNetwork net, Plan plan) {
        int top = net.getnLayers() - 2;
        int base = Layers.lastFeatureLayer(net);
        return switch (this) {
            case SCRATCH -> Schedule.of(new Schedule.Stage(-1, plan.epochs(), plan.learningRate()));
            case FEATURE_EXTRACTOR -> Schedule.of(new Schedule.Stage(base, plan.epochs(), plan.learningRate()));
            case EARLY_LAYERS -> Schedule.of(new Schedule.Stage(0, plan.epochs(), plan.learningRate()));
            case FINE_TUNE_TOP -> Schedule.of(new Schedule.Stage(top, plan.headEpochs(), plan.learningRate()),
                    new Schedule.Stage(base, plan.fineTuneEpochs(), plan.fineTuneRate()));
            case FINE_TUNE_ALL -> Schedule.of(new Schedule.Stage(top, plan.headEpochs(), plan.learningRate()),
                    new Schedule.Stage(-1, plan.fineTuneEpochs(), plan.fineTuneRate()));
            case HEAD_ONLY -> Schedule.of(new Schedule.Stage(top, plan.epochs(), plan.learningRate()));
        };
    }

    /** Trains this arm on one seed's split: validation chooses the epoch, the test set is measured once. */
    public Run train(SourceModel source, Target.Split split, Plan plan) {
        MultiLayerNetwork net = network(source, split.train().numClasses(), plan.seed());
        return schedule(net, plan).fit(net, split, plan.batchSize(), plan.seed(), label);
    }

    /** The layers (with weights) that start from the source's weights, by index. */
    public static List<Integer> transferredLayers(MultiLayerNetwork net, MultiLayerNetwork source) {
        return IntStream.range(0, net.getnLayers() - 1)
                .filter(i -> net.getLayer(i).numParams() > 0 && net.getLayer(i).numParams() == source.getLayer(i).numParams()
                        && net.getLayer(i).params().equals(source.getLayer(i).params()))
                .boxed().toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
