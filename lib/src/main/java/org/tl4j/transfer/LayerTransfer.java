package org.tl4j.transfer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.learning.config.Adam;
import org.tl4j.data.ImageSet;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.viz.LearningCurve;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The layer-transfer experiment of Yosinski et al. (2014), in miniature: copy the first k layers
 * of a source network into a freshly initialised network of the same architecture, keep them frozen
 * or let them fine-tune, train on the target, and do it for every k.
 */
public final class LayerTransfer {
    private final MultiLayerNetwork source;
    private final Supplier<MultiLayerNetwork> freshTarget;
    private int epochs = 5;
    private int batchSize = 32;
    private long seed = 1;
    private double learningRate = 1e-3;

    private LayerTransfer(MultiLayerNetwork source, Supplier<MultiLayerNetwork> freshTarget) {
        this.source = source;
        this.freshTarget = freshTarget;
    }

    /**
     * @param source      the trained source network
     * @param freshTarget makes a new, randomly initialised network of the same architecture with the target's classes
     */
    public static LayerTransfer of(MultiLayerNetwork source, Supplier<MultiLayerNetwork> freshTarget) {
        return new LayerTransfer(source, freshTarget);
    }

    public LayerTransfer epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    public LayerTransfer batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public LayerTransfer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public LayerTransfer learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    /** The target network with the first k layers copied from the source, frozen or not. */
    public MultiLayerNetwork network(int k, boolean frozen) {
        MultiLayerNetwork target = freshTarget.get();
        int layers = target.getnLayers();
        if (k < 0 || k > layers - 1) {
            throw new IllegalArgumentException("k must be 0.." + (layers - 1) + " (layers below the output), got " + k);
        }
        for (int i = 0; i < k; i++) {
            if (target.getLayer(i).numParams() != source.getLayer(i).numParams()) {
                throw new IllegalArgumentException("layer " + i + " of the target has " + target.getLayer(i).numParams()
                        + " parameters, the source's has " + source.getLayer(i).numParams() + ": not the same architecture");
            }
            if (target.getLayer(i).numParams() > 0) {
                target.getLayer(i).setParams(source.getLayer(i).params().dup());
            }
        }
        // layer statistics of batch normalisation are parameters in DL4J, so they are copied too
        if (frozen && k > 0) {
            return new TransferLearning.Builder(target)
                    .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(learningRate)).seed(seed).build())
                    .setFeatureExtractor(k - 1).build();
        }
        return target;
    }

    /**
     * The target network with the <em>last</em> {@code k} layers (output included) copied from the
     * source and the layers below them freshly initialised: for a target with the same task but
     * inputs that look different. Frozen copied layers get a learning rate of 0.
     */
    public MultiLayerNetwork topNetwork(int k, boolean frozen) {
        MultiLayerNetwork target = freshTarget.get();
        int layers = target.getnLayers();
        if (k < 1 || k > layers) {
            throw new IllegalArgumentException("k must be 1.." + layers + " (layers copied from the top), got " + k);
        }
        if (target.layerSize(layers - 1) != source.layerSize(layers - 1)) {
            throw new IllegalArgumentException("copying the top layers needs the same classes: the source has "
                    + source.layerSize(layers - 1) + " outputs, the target " + target.layerSize(layers - 1));
        }
        java.util.Map<Integer, Double> zero = new java.util.LinkedHashMap<>();
        for (int i = layers - k; i < layers; i++) {
            if (target.getLayer(i).numParams() > 0) {
                target.getLayer(i).setParams(source.getLayer(i).params().dup());
                if (frozen) {
                    zero.put(i, 0.0);
                }
            }
        }
        if (!zero.isEmpty()) {
            Networks.setLearningRates(target, zero);
        }
        return target;
    }

    /**
     * For every k (the number of layers with weights copied from the source, through "conv1",
     * "conv2", ...): train with them frozen and with them fine-tuned. One row per run.
     */
    public Result sweep(ImageSet train, ImageSet validation) {
        MultiLayerNetwork probe = freshTarget.get();
        List<Integer> cuts = new ArrayList<>();     // number of layers copied, ending after a weighted layer
        List<String> through = new ArrayList<>();
        cuts.add(0);
        through.add("(none: scratch)");
        for (int i = 0; i < probe.getnLayers() - 1; i++) {
            if (probe.getLayer(i).numParams() > 0) {
                cuts.add(i + 1);
                through.add(Layers.names(probe).get(i));
            }
        }
        IntColumn kCol = IntColumn.create("k");
        StringColumn last = StringColumn.create("copied through");
        StringColumn mode = StringColumn.create("transferred layers");
        DoubleColumn acc = DoubleColumn.create("validation accuracy");
        List<History> histories = new ArrayList<>();
        for (int k = 0; k < cuts.size(); k++) {
            for (boolean frozen : new boolean[]{true, false}) {
                if (k == 0 && !frozen) {
                    continue; // nothing copied: training from scratch either way
                }
                MultiLayerNetwork net = network(cuts.get(k), frozen);
                String label = k == 0 ? "scratch" : frozen ? "frozen" : "fine-tuned";
                History h = Trainer.of(net).epochs(epochs).live(false).name("k=" + k + " " + label)
                        .fit(train.shuffledBatches(batchSize, seed), validation.batches(500));
                kCol.append(k);
                last.append(through.get(k));
                mode.append(label);
                acc.append(h.bestAccuracy());
                histories.add(h);
            }
        }
        acc.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return new Result(Table.create("Layer transfer: the first k weighted layers from the source", kCol, last, mode, acc), histories);
    }

    /** The sweep's table and a chart of accuracy against k. */
    public record Result(Table table, List<History> histories) {
        /** For each depth copied frozen ("conv1", "conv2", ...): its accuracy minus training from scratch. */
        public java.util.Map<String, Double> frozenGainsOverScratch() {
            double scratch = table.doubleColumn("validation accuracy").getDouble(0);
            java.util.Map<String, Double> gains = new java.util.LinkedHashMap<>();
            for (int r = 1; r < table.rowCount(); r++) {
                if (table.stringColumn("transferred layers").get(r).equals("frozen")) {
                    gains.put(table.stringColumn("copied through").get(r), table.doubleColumn("validation accuracy").getDouble(r) - scratch);
                }
            }
            return gains;
        }

        public LearningCurve chart() {
            LearningCurve c = LearningCurve.of("Which layers to transfer", "k = weighted layers copied from the source (see the table)", "validation accuracy");
            for (int r = 0; r < table.rowCount(); r++) {
                int k = table.intColumn("k").get(r);
                String mode = table.stringColumn("transferred layers").get(r);
                double a = table.doubleColumn("validation accuracy").get(r);
                if (k == 0) {
                    c.add("frozen", 0, a);
                    c.add("fine-tuned", 0, a);
                } else {
                    c.add(mode, k, a);
                }
            }
            return c;
        }
    }
}
