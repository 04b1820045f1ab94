package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.network.Layers;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.tl4j.backend.FastPath;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tl4j.zoo.SourceModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source network made into a target network, in the words of the lessons:
 * {@code Transfer.from(zoo model).freezeThrough("conv2").newHead(5).build()}.
 * Works on a copy: the source network is never changed. Built on DL4J's TransferLearning.
 */
public final class Transfer {
    private static final Messages TEXT = Messages.of(Transfer.class);
    public static final String OUTPUT = "output";
    private final MultiLayerNetwork source;
    private Integer freezeThrough;
    private Integer keepThrough;
    private Integer headClasses;
    private int headHidden;
    private final Set<Integer> reinitialize = new LinkedHashSet<>();
    private final Map<Integer, Double> layerRates = new LinkedHashMap<>();
    private double learningRate = 1e-3;
    private long seed = 12345;

    private Transfer(MultiLayerNetwork source) {
        if (source == null) {
            throw new IllegalArgumentException(TEXT.get("Transfer.fromNull"));
        }
        this.source = source;
    }

    public static Transfer from(MultiLayerNetwork source) {
        return new Transfer(source);
    }

    public static Transfer from(SourceModel source) {
        return new Transfer(source.network());
    }

    /** Freezes every layer from the first through this one: their weights will not change. */
    public Transfer freezeThrough(String layer) {
        return freezeThrough(Layers.index(source, layer));
    }

    public Transfer freezeThrough(int layer) {
        Layers.check(source, layer);
        if (layer == source.getnLayers() - 1) {
            throw new IllegalArgumentException(TEXT.get("Transfer.outputFrozen",
                    layer - 1, Layers.names(source).get(layer - 1)));
        }
        this.freezeThrough = layer;
        return this;
    }

    /**
     * Keeps the layers from the first through this one and drops those above it, as Keras's
     * {@code include_top=False} does; {@link #newHead} then adds the new layers on top. The first dropped
     * layer must be a dense one: its number of inputs is the size of the kept features.
     */
    public Transfer keepThrough(String layer) {
        int i = Layers.index(source, layer);
        int last = source.getnLayers() - 1;
        if (i >= last) {
            throw new IllegalArgumentException(TEXT.get("Transfer.keepsEveryLayer", layer));
        }
        if (!(Layers.conf(source, i + 1) instanceof FeedForwardLayer)) {
            throw new IllegalArgumentException(TEXT.get("Transfer.keepThroughNotBeforeDense",
                    layer, Layers.names(source).get(i + 1), Layers.conf(source, i + 1).getClass().getSimpleName()));
        }
        this.keepThrough = i;
        return this;
    }

    /** Freezes nothing (the default). */
    public Transfer freezeNothing() {
        this.freezeThrough = null;
        return this;
    }

    /** Replaces the output layer by a new, randomly initialised one with this many classes. */
    public Transfer newHead(int classes) {
        return newHead(classes, 0);
    }

    /** Replaces the output layer by a new hidden layer of {@code hidden} units and a new output layer. */
    public Transfer newHead(int classes, int hidden) {
        if (classes < 2) {
            throw new IllegalArgumentException(TEXT.get("Transfer.headTwoClasses", classes));
        }
        if (hidden < 0) {
            throw new IllegalArgumentException(TEXT.get("Transfer.hiddenUnits", hidden));
        }
        this.headClasses = classes;
        this.headHidden = hidden;
        return this;
    }

    /** Gives these layers new random weights (as if not transferred). */
    public Transfer reinitialize(String... layers) {
        for (String l : layers) {
            reinitialize.add(Layers.index(source, l));
        }
        return this;
    }

    public Transfer reinitialize(int... layers) {
        for (int l : layers) {
            reinitialize.add(Layers.check(source, l));
        }
        return this;
    }

    /** The learning rate (Adam) of every trainable layer. */
    public Transfer learningRate(double rate) {
        this.learningRate = positive(rate);
        return this;
    }

    /** A learning rate for one layer (discriminative fine-tuning: lower for early layers). */
    public Transfer learningRate(String layer, double rate) {
        layerRates.put(Layers.index(source, layer), positiveOrZero(rate));
        return this;
    }

    public Transfer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public MultiLayerNetwork build() {
        MultiLayerNetwork copy = source.clone();
        TransferLearning.Builder b = new TransferLearning.Builder(copy)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(learningRate)).seed(seed).build());
        int last = copy.getnLayers() - 1;
        if (keepThrough != null) {
            if (headClasses == null) {
                throw new IllegalStateException(TEXT.get("Transfer.keepThroughNeedsHead"));
            }
            if (freezeThrough != null && freezeThrough > keepThrough) {
                throw new IllegalStateException(TEXT.get("Transfer.freezeAboveKeep",
                        Layers.names(copy).get(freezeThrough), Layers.names(copy).get(keepThrough)));
            }
            long nIn = copy.layerInputSize(keepThrough + 1);
            b.removeLayersFromOutput(last - keepThrough);
            addHead(b, nIn);
        } else if (headClasses != null) {
            org.deeplearning4j.nn.conf.layers.Layer before = Layers.conf(copy, last - 1);
            if (!(before instanceof FeedForwardLayer)) {
                throw new IllegalStateException(TEXT.get("Transfer.newHeadNeedsDense",
                        last - 1, before.getClass().getSimpleName()));
            }
            b.removeOutputLayer();
            addHead(b, ((FeedForwardLayer) before).getNOut());
        }
        if (freezeThrough != null) {
            b.setFeatureExtractor(freezeThrough);
        }
        MultiLayerNetwork net = b.build();
        if (headClasses != null) {
            // with frozen layers, DL4J draws the new head's weights unseeded: draw them again, seeded
            int top = net.getnLayers() - 1;
            Networks.reinitialize(net, headHidden > 0 ? List.of(top - 1, top) : List.of(top), seed);
        }
        if (!reinitialize.isEmpty()) {
            Networks.reinitialize(net, new ArrayList<>(reinitialize), seed);
        }
        if (!layerRates.isEmpty()) {
            Networks.setLearningRates(net, layerRates);
        }
        return FastPath.install(net);
    }

    private void addHead(TransferLearning.Builder b, long nIn) {
        if (headHidden > 0) {
            b.addLayer(new DenseLayer.Builder().name("head_hidden").nIn(nIn).nOut(headHidden)
                    .activation(Activation.RELU).weightInit(WeightInit.XAVIER).build());
            nIn = headHidden;
        }
        b.addLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name(OUTPUT).nIn(nIn).nOut(headClasses)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
    }

    // ---- presets, named as the lessons name them ----

    /** Frozen convolutional base (every convolution and pooling layer), trainable dense layers, new head. */
    public static MultiLayerNetwork featureExtractor(SourceModel source, int classes) {
        MultiLayerNetwork net = source.network();
        return from(net).freezeThrough(Layers.lastFeatureLayer(net)).newHead(classes).build();
    }

    /** Everything frozen but a new output layer. */
    public static MultiLayerNetwork headOnly(SourceModel source, int classes) {
        MultiLayerNetwork net = source.network();
        return from(net).freezeThrough(net.getnLayers() - 2).newHead(classes).build();
    }

    /** Every layer trains, starting from the source's weights, at a (usually low) learning rate. */
    public static MultiLayerNetwork fineTuneAll(SourceModel source, int classes, double learningRate) {
        return from(source).newHead(classes).learningRate(learningRate).build();
    }

    /** The top {@code k} layers below the new head train; the rest stay frozen. */
    public static MultiLayerNetwork fineTuneTop(SourceModel source, int classes, int k, double learningRate) {
        MultiLayerNetwork net = source.network();
        int below = net.getnLayers() - 1; // layers under the output layer
        if (k < 0 || k > below) {
            throw new IllegalArgumentException(TEXT.get("Transfer.kUnderOutput", below, k));
        }
        Transfer t = from(net).newHead(classes).learningRate(learningRate);
        if (k < below) {
            t.freezeThrough(below - k - 1);
        }
        return t.build();
    }

    private static double positive(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(TEXT.get("Transfer.rateNotPositive", rate));
        }
        return rate;
    }

    private static double positiveOrZero(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(TEXT.get("Transfer.rateNegative", rate));
        }
        return rate;
    }
}
