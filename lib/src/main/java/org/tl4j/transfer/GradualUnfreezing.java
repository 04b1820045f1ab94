package org.tl4j.transfer;

import org.tl4j.network.Layers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.data.ImageSet;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradual unfreezing: train the new head alone first, then unfreeze one more weighted layer from
 * the top at every stage, until the whole network trains. Each stage trains a network frozen
 * through a lower layer; the weights carry over from stage to stage (the updater state does not).
 */
public final class GradualUnfreezing {
    private final MultiLayerNetwork network;
    private int epochsPerStage = 2;
    private double learningRate = 1e-4;
    private int batchSize = 32;
    private long seed = 1;
    private List<Integer> customStages;
    private double[] stageRates;

    private GradualUnfreezing(MultiLayerNetwork network) {
        this.network = network;
    }

    /** For a transferred network with nothing frozen yet (e.g. {@code Transfer.from(src).newHead(5).build()}). */
    public static GradualUnfreezing of(MultiLayerNetwork transferred) {
        for (int i = 0; i < transferred.getnLayers(); i++) {
            if (Layers.isFrozen(transferred, i)) {
                throw new IllegalArgumentException("layer " + i + " is already frozen: start from a network with nothing frozen");
            }
        }
        return new GradualUnfreezing(transferred);
    }

    public GradualUnfreezing epochsPerStage(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs per stage must be at least 1, got " + epochs);
        }
        this.epochsPerStage = epochs;
        return this;
    }

    /**
     * Custom stages: the layer each stage freezes through (-1: nothing frozen). Two stages,
     * {@code stages(lastFeatureLayer, -1)}, are the classic "train the head, then fine-tune everything".
     */
    public GradualUnfreezing stages(int... freezeThrough) {
        if (freezeThrough.length == 0) {
            throw new IllegalArgumentException("name at least one stage");
        }
        List<Integer> s = new ArrayList<>();
        for (int f : freezeThrough) {
            if (f != -1) {
                Layers.check(network, f);
                if (f >= network.getnLayers() - 1) {
                    throw new IllegalArgumentException("a stage cannot freeze the output layer (" + f + ")");
                }
            }
            s.add(f);
        }
        this.customStages = s;
        return this;
    }

    /** One learning rate per stage (e.g. 1e-3 for the head, 1e-4 once everything trains). */
    public GradualUnfreezing learningRates(double... perStage) {
        this.stageRates = perStage.clone();
        return this;
    }

    public GradualUnfreezing learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    public GradualUnfreezing batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public GradualUnfreezing seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The layer each stage freezes through, from the top down; -1 is the last stage (nothing frozen). */
    public List<Integer> stages() {
        if (customStages != null) {
            return new ArrayList<>(customStages);
        }
        List<Integer> weighted = new ArrayList<>();
        for (int i = 0; i < network.getnLayers() - 1; i++) {
            if (network.getLayer(i).numParams() > 0) {
                weighted.add(i);
            }
        }
        List<Integer> stages = new ArrayList<>();
        for (int k = weighted.size() - 1; k >= 0; k--) {
            stages.add(weighted.get(k));
        }
        stages.add(-1);
        return stages;
    }

    /** Trains stage by stage; the network given to {@link #of} ends with the trained weights. */
    public History fit(ImageSet train, ImageSet validation) {
        List<History> runs = new ArrayList<>();
        List<Integer> stages = stages();
        if (stageRates != null && stageRates.length != stages.size()) {
            throw new IllegalArgumentException(stages.size() + " stages but " + stageRates.length + " learning rates");
        }
        for (int k = 0; k < stages.size(); k++) {
            int through = stages.get(k);
            Transfer t = Transfer.from(network).learningRate(stageRates != null ? stageRates[k] : learningRate).seed(seed);
            if (through >= 0) {
                t.freezeThrough(through);
            }
            MultiLayerNetwork stage = t.build();
            String name = through >= 0 ? "frozen through " + Layers.names(network).get(through) : "all layers";
            runs.add(Trainer.of(stage).epochs(epochsPerStage).live(false).name(name)
                    .fit(train.shuffledBatches(batchSize, seed), validation.batches(500)));
            network.setParams(stage.params());
        }
        return History.concat("gradual unfreezing", runs);
    }
}
