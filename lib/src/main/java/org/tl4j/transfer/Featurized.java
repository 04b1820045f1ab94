package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.network.Layers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearningHelper;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Target;
import org.tl4j.train.History;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.train.Trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Featurize once: the frozen layers of a network never change, so their output for each image is
 * computed once and the trainable layers train on it, epoch after epoch, without running the frozen
 * part again. The trainable layers share their weights with the full network (DL4J's
 * TransferLearningHelper), so training here trains the full network.
 */
public final class Featurized {
    private static final Messages TEXT = Messages.of(Featurized.class);
    private final MultiLayerNetwork net;
    private final TransferLearningHelper helper;
    private final MultiLayerNetwork top;

    private Featurized(MultiLayerNetwork net) {
        int frozen = 0;
        while (frozen < net.getnLayers() && Layers.isFrozen(net, frozen)) {
            frozen++;
        }
        if (frozen == 0) {
            throw new IllegalArgumentException(TEXT.get("Featurized.noFrozenLayers"));
        }
        this.net = net;
        this.helper = new TransferLearningHelper(net);
        this.top = sharingTop(net, helper.unfrozenMLN(), frozen);
    }

    /**
     * DL4J's helper gives the trainable part copies of the weights, so training it would leave the
     * full network unchanged. Here the trainable part is rebuilt on a view of the full network's
     * parameters: one set of weights, trained through either network.
     */
    private static MultiLayerNetwork sharingTop(MultiLayerNetwork full, MultiLayerNetwork helperTop, int frozen) {
        long offset = 0;
        for (int i = 0; i < frozen; i++) {
            offset += full.getLayer(i).numParams();
        }
        org.nd4j.linalg.api.ndarray.INDArray flat = full.params();
        org.nd4j.linalg.indexing.INDArrayIndex range = org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, full.numParams());
        org.nd4j.linalg.api.ndarray.INDArray view = flat.rank() == 1 ? flat.get(range)
                : flat.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), range);
        MultiLayerNetwork top = new MultiLayerNetwork(helperTop.getLayerWiseConfigurations().clone());
        alignPreProcessors(full, top, frozen);
        top.init(view, false);
        return top;
    }

    /**
     * DL4J's helper gives the trainable part the input pre-processors of the full network's first
     * layers (index 0, 1, ...) instead of its own (index frozen, frozen+1, ...): the first dense layer
     * then expects 28x28 images. We feed it flattened features and shift the others into place.
     */
    private static void alignPreProcessors(MultiLayerNetwork full, MultiLayerNetwork top, int frozen) {
        java.util.Map<Integer, org.deeplearning4j.nn.conf.InputPreProcessor> fixed = new java.util.HashMap<>();
        for (int i = 1; i < top.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.InputPreProcessor p = full.getLayerWiseConfigurations().getInputPreProcess(frozen + i);
            if (p != null) {
                fixed.put(i, p);
            }
        }
        top.getLayerWiseConfigurations().setInputPreProcessors(fixed);
    }

    /** For a network whose first layers are frozen. */
    public static Featurized of(MultiLayerNetwork net) {
        return new Featurized(net);
    }

    /** The frozen part's output for these images, flattened to [n, features] for the dense layers above. */
    public DataSet features(ImageSet images) {
        DataSet f = helper.featurize(images.toDataSet());
        INDArray x = f.getFeatures();
        if (x.rank() > 2) {
            // DL4J's helper drops the CNN-to-dense reshape of the layer above the frozen part
            x = x.reshape('c', x.size(0), x.length() / x.size(0));
        }
        return new DataSet(x, f.getLabels());
    }

    /** The trainable top of the network, sharing its weights with the full network. */
    public MultiLayerNetwork trainablePart() {
        return top;
    }

    /**
     * Trains the trainable part on features computed once, by the plan's epochs, batch size, seed and (for a
     * network built without its own rates) nothing else; returns the usual history. Its weights end at the
     * epoch validation chose.
     */
    public History fit(ImageSet train, ImageSet validation, Plan plan) {
        DataSet trainFeatures = features(train);
        DataSet valFeatures = features(validation);
        DataSetIterator trainIt = shuffled(trainFeatures, plan.batchSize(), plan.seed());
        DataSetIterator valIt = new ExistingDataSetIterator(valFeatures.batchBy(500));
        History h = Trainer.of(trainablePart()).epochs(plan.epochs()).live(false).name("featurized").restoreBestEpoch()
                .fit(trainIt, valIt);
        return h;   // the trainable part shares its weights with the whole network: both end at that epoch
    }

    /**
     * One run of an experiment on features computed once: trains on the split's training images, keeps the
     * epoch validation chose and measures the whole network once on the test images. The time includes
     * computing the features.
     */
    public Run run(Target.Split split, Plan plan) {
        long begin = System.nanoTime();
        History h = fit(split.train(), split.validation(), plan);
        double test = Trainer.accuracy(net, split.test().batches(500));
        return new Run("featurized", plan.seed(), h.bestEpoch(), h.epochs(), h.bestAccuracy(), test,
                (System.nanoTime() - begin) / 1e9);
    }

    private static DataSetIterator shuffled(DataSet all, int batchSize, long seed) {
        DataSet copy = all.copy();
        copy.shuffle(seed);
        List<DataSet> batches = new ArrayList<>(copy.batchBy(batchSize));
        return new ExistingDataSetIterator(batches);
    }

    public MultiLayerNetwork network() {
        return net;
    }
}
