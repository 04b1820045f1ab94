package org.tl4j.transfer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.course.Messages;
import org.tl4j.data.Target;
import org.tl4j.network.Layers;
import org.tl4j.train.History;
import org.tl4j.train.Run;
import org.tl4j.train.Trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Training in stages, e.g. "the new head alone, then every layer at a lower rate": each stage freezes
 * the network through one layer (or nothing) and trains for some epochs at its rate; the weights carry
 * over from stage to stage. Validation picks the best epoch over all stages; that epoch's weights are
 * then measured once on the test set.
 */
public record Schedule(List<Stage> stages) {
    private static final Messages TEXT = Messages.of(Schedule.class);

    /** Frozen through layer {@code freezeThrough} (-1: nothing frozen), {@code epochs} epochs at {@code rate}. */
    public record Stage(int freezeThrough, int epochs, double rate) {
    }

    public Schedule {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("Schedule.noStages"));
        }
        stages = List.copyOf(stages);
    }

    public static Schedule of(Stage... stages) {
        return new Schedule(List.of(stages));
    }

    /**
     * Gradual unfreezing: the new head alone at {@code headRate}, then one more weighted layer from the top
     * at every stage at {@code rate}, until every layer trains; {@code epochsPerStage} epochs each.
     */
    public static Schedule gradualUnfreezing(MultiLayerNetwork net, int epochsPerStage, double headRate, double rate) {
        if (epochsPerStage < 1) {
            throw new IllegalArgumentException(TEXT.get("Schedule.epochsPerStage", epochsPerStage));
        }
        for (int i = 0; i < net.getnLayers(); i++) {
            if (Layers.isFrozen(net, i)) {
                throw new IllegalArgumentException(TEXT.get("Schedule.alreadyFrozen", i));
            }
        }
        List<Integer> weighted = java.util.stream.IntStream.range(0, net.getnLayers() - 1)
                .filter(i -> net.getLayer(i).numParams() > 0).boxed().toList();
        List<Stage> stages = new ArrayList<>();
        for (int k = weighted.size() - 1; k >= 0; k--) {
            stages.add(new Stage(weighted.get(k), epochsPerStage, stages.isEmpty() ? headRate : rate));
        }
        stages.add(new Stage(-1, epochsPerStage, rate));
        return new Schedule(stages);
    }

    /** The layers each stage trains (not frozen), by index. */
    public List<Integer> trainedLayers(MultiLayerNetwork net, int stage) {
        int from = stages.get(stage).freezeThrough() + 1;
        return java.util.stream.IntStream.range(from, net.getnLayers()).filter(i -> net.getLayer(i).numParams() > 0).boxed().toList();
    }

    /**
     * Trains {@code start} (a network with nothing frozen) stage by stage on the split's training images
     * and returns the run; {@code start} ends with the chosen weights.
     */
    public Run fit(MultiLayerNetwork start, Target.Split split, int batchSize, long seed, String name) {
        long begin = System.nanoTime();
        double bestValidation = -1;
        INDArray bestParams = null;
        int bestEpoch = 0;
        int epochsDone = 0;
        MultiLayerNetwork stageNet = null;
        for (Stage s : stages) {
            Transfer t = Transfer.from(start).learningRate(s.rate()).seed(seed);
            if (s.freezeThrough() >= 0) {
                t.freezeThrough(s.freezeThrough());
            }
            stageNet = t.build();
            History h = Trainer.of(stageNet).epochs(s.epochs()).live(false).name(name).restoreBestEpoch()
                    .fit(split.train().shuffledBatches(batchSize, seed), split.validation().batches(500));
            if (h.bestAccuracy() > bestValidation) {
                bestValidation = h.bestAccuracy();
                bestEpoch = epochsDone + h.bestEpoch();
                bestParams = stageNet.params().dup();
            }
            start.setParams(stageNet.params()); // the next stage starts from this stage's best epoch
            epochsDone += h.epochs();
        }
        start.setParams(bestParams);
        double test = Trainer.accuracy(start, split.test().batches(500));
        return new Run(name, seed, bestEpoch, epochsDone, bestValidation, test, (System.nanoTime() - begin) / 1e9);
    }
}
