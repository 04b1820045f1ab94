package org.tl4j.grading;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.tl4j.data.FashionMnist;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.evaluate.Report;
import org.tl4j.network.Layers;
import org.tl4j.transfer.Networks;
import org.tl4j.transfer.Similarity;
import org.tl4j.zoo.Zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of the transfer exercises. A check never trusts the notebook's own variables for
 * what it compares against: it loads the source model and the data itself, from the names and
 * numbers written in the (locked) test cell, so a student cell that redefines them changes nothing.
 */
public final class TransferCheck {
    /** Images per class the checks hold out to measure a student's network (never trained on). */
    static final int HELD_OUT = 100;
    static final long HELD_OUT_SEED = 20_261_122L;

    private TransferCheck() {
    }

    /** Every feature layer (convolutions and pooling) frozen with the source's weights, a new head of {@code classes}. */
    public static String featureExtractor(String what, Object answer, String source, int classes) {
        MultiLayerNetwork net = network(what, answer);
        MultiLayerNetwork original = sameLayers(what, net, source);
        int features = Layers.lastFeatureLayer(original) + 1;
        List<String> frozen = frozenNames(net);
        List<String> expected = Layers.names(original).subList(0, features);
        if (!frozen.equals(expected)) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.notAFeatureExtractor", what, frozen.size(), frozen));
        }
        keepsSourceWeights(what, net, original, features);
        outputs(what, net, classes);
        return "ok: " + Check.TEXT.get("TransferCheck.featureExtractor", what, expected, classes);
    }

    /** Nothing frozen, every layer below the head starts from the source's weights, a new head of {@code classes}. */
    public static String fineTuneAll(String what, Object answer, String source, int classes) {
        MultiLayerNetwork net = network(what, answer);
        MultiLayerNetwork original = sameLayers(what, net, source);
        List<String> frozen = frozenNames(net);
        if (!frozen.isEmpty()) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.frozeWhileFineTuning", what, frozen.size(), frozen));
        }
        keepsSourceWeights(what, net, original, net.getnLayers() - 1);
        outputs(what, net, classes);
        return "ok: " + Check.TEXT.get("TransferCheck.fineTunesAll", what, classes);
    }

    /**
     * The first {@code k} layers copied from the source (frozen or trainable, as asked) and the
     * layers above them not copied: lesson 7's layer transfer.
     */
    public static String copiedLayers(String what, Object answer, String source, int k, boolean frozen) {
        MultiLayerNetwork net = network(what, answer);
        MultiLayerNetwork original = sameLayers(what, net, source);
        List<String> names = Layers.names(original);
        List<String> weighted = new java.util.ArrayList<>();
        int span = 0;       // layers up to the last copied weighted layer, pooling included
        for (int i = 0; i < net.getnLayers() - 1 && sameWeights(net, original, i); i++) {
            if (original.getLayer(i).numParams() > 0) {
                weighted.add(names.get(i));
                span = i + 1;
            }
        }
        if (weighted.size() != k) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongCopyCount",
                    what, weighted.size(), weighted, k));
        }
        List<String> frozenNow = frozenNames(net);
        List<String> expected = frozen ? names.subList(0, span) : List.of();
        if (!frozenNow.equals(expected)) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongFrozen", what, frozenNow, expected));
        }
        return "ok: " + Check.TEXT.get(frozen ? "TransferCheck.copiesFrozen" : "TransferCheck.copiesTrainable", what, weighted);
    }

    /** The learning rate (Adam) a layer of the network trains with. */
    public static String learningRate(String what, Object answer, String layer, double expected) {
        MultiLayerNetwork net = network(what, answer);
        int i = Layers.index(net, layer);
        org.deeplearning4j.nn.conf.layers.Layer conf = Layers.conf(net, i);
        if (Layers.isFrozen(net, i) || !(conf instanceof BaseLayer)) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.noLearningRate", what, layer));
        }
        IUpdater updater = ((BaseLayer) conf).getIUpdater();
        double rate = updater.getLearningRate(0, 0);
        if (Math.abs(rate - expected) > 1e-3 * expected) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongLearningRate", what, layer, rate, expected));
        }
        return "ok: " + Check.TEXT.get("TransferCheck.learningRate", what, layer, rate);
    }

    /**
     * A network's accuracy as the student reports it on the exercise's validation set (test images
     * of {@code dataset}, {@code perClass} per class drawn with {@code seed}): measured again here on
     * that set, then on held-out images the student never saw, which must reach {@code atLeast}.
     */
    public static String accuracy(String what, Object reported, Object answer, String dataset, int perClass, long seed,
                                  double atLeast, int... classes) {
        double claimed = Check.number(what, reported);
        MultiLayerNetwork net = network(Check.TEXT.get("TransferCheck.theTrainedNetwork"), answer);
        ImageSet validation = images(dataset, false).classes(classes).perClass(perClass, seed);
        double measured = Report.of(net, validation).accuracy();
        if (Math.abs(claimed - measured) > 1e-6) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongAccuracy", what, claimed, measured));
        }
        reaches(Check.TEXT.get("TransferCheck.theNetwork"), net, dataset, atLeast, classes);
        return String.format(Locale.ROOT, "ok: %s = %.3f", what, claimed);
    }

    /** The network's accuracy on held-out test images (never used for training or validation) reaches {@code atLeast}. */
    public static String reaches(String what, Object answer, String dataset, double atLeast, int... classes) {
        MultiLayerNetwork net = network(what, answer);
        ImageSet heldOut = images(dataset, false).classes(classes).perClass(HELD_OUT, HELD_OUT_SEED);
        double measured = Report.of(net, heldOut).accuracy();
        if (measured < atLeast) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.tooLow",
                    what, 100 * measured, heldOut.size(), 100 * atLeast));
        }
        return "ok: " + Check.TEXT.get("TransferCheck.reaches", what, 100 * measured);
    }

    /** The relative change of one layer's weights from the source: recomputed here from the named source. */
    public static String movement(String what, Object reported, Object answer, String source, String layer) {
        double claimed = Check.number(what, reported);
        MultiLayerNetwork net = network(Check.TEXT.get("TransferCheck.theFineTunedNetwork"), answer);
        MultiLayerNetwork original = Zoo.load(source).network();
        tech.tablesaw.api.Table movement = Networks.movement(original, net);
        int row = movement.stringColumn("layer").indexOf(layer);
        if (row < 0) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.noSuchLayer", what, layer));
        }
        double moved = movement.doubleColumn("relative change").getDouble(row);
        if (!(moved > 0)) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.notMoved", what, layer));
        }
        if (Math.abs(claimed - moved) > 1e-6 + 1e-3 * moved) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongMovement", what, claimed, layer, moved));
        }
        return String.format(Locale.ROOT, "ok: %s = %.5f", what, moved);
    }

    /**
     * A linear-probe score as the student reports it, recomputed here with the recipe the exercise
     * states: {@code perClass} training images (seed 1), 100 validation images per class (seed 2),
     * 5 epochs, seed 1.
     */
    public static String linearProbe(String what, Object reported, String source, String dataset, int perClass, int... classes) {
        double claimed = Check.number(what, reported);
        ImageSet train = images(dataset, true).classes(classes).perClass(perClass, 1);
        ImageSet validation = images(dataset, false).classes(classes).perClass(100, 2);
        double probe = Similarity.linearProbe(Zoo.load(source), train, validation, 5, 1);
        if (Math.abs(claimed - probe) > 0.02) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongProbe", what, claimed, probe));
        }
        return String.format(Locale.ROOT, "ok: %s = %.3f", what, claimed);
    }

    /** The answer as a network, or an error that names what was given instead. */
    static MultiLayerNetwork network(String what, Object answer) {
        if (answer instanceof MultiLayerNetwork net) {
            return net;
        }
        throw new AssertionError(Check.TEXT.get("TransferCheck.notANetwork", what,
                answer == null ? "null" : Check.article(answer.getClass().getSimpleName())));
    }

    /** The source network, after checking the answer has its layers (the head may differ). */
    private static MultiLayerNetwork sameLayers(String what, MultiLayerNetwork net, String source) {
        MultiLayerNetwork original = Zoo.load(source).network();
        List<String> names = Layers.names(original);
        if (!Layers.names(net).equals(names)) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.otherLayers",
                    what, Layers.names(net), source, names));
        }
        return original;
    }

    private static void keepsSourceWeights(String what, MultiLayerNetwork net, MultiLayerNetwork original, int below) {
        for (int i = 0; i < below; i++) {
            if (!sameWeights(net, original, i)) {
                throw new AssertionError(Check.TEXT.get("TransferCheck.lostWeights", what, Layers.names(net).get(i)));
            }
        }
    }

    private static void outputs(String what, MultiLayerNetwork net, int classes) {
        long out = net.layerSize(net.getnLayers() - 1);
        if (out != classes) {
            throw new AssertionError(Check.TEXT.get("TransferCheck.wrongHead", what, out, classes));
        }
    }

    private static boolean sameWeights(MultiLayerNetwork net, MultiLayerNetwork original, int i) {
        long n = original.getLayer(i).numParams();
        if (n != net.getLayer(i).numParams()) {
            return false;
        }
        return n == 0 || original.getLayer(i).params().equalsWithEps(net.getLayer(i).params(), 1e-6);
    }

    private static List<String> frozenNames(MultiLayerNetwork net) {
        List<String> names = Layers.names(net), out = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (Layers.isFrozen(net, i)) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    private static ImageSet images(String dataset, boolean train) {
        return switch (dataset) {
            case "mnist" -> train ? Mnist.train() : Mnist.test();
            case "fashion-mnist" -> train ? FashionMnist.train() : FashionMnist.test();
            default -> throw new IllegalArgumentException(Check.TEXT.get("TransferCheck.unknownDataset", dataset));
        };
    }
}
