package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.network.Layers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.learning.config.Adam;
import org.tl4j.data.Target;
import org.tl4j.evaluate.Arms;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.train.Trainer;
import org.knowm.xchart.XYChart;
import org.tl4j.evaluate.Comparison;
import org.tl4j.evaluate.Estimate;
import org.tl4j.evaluate.Experiment;
import org.tl4j.viz.ErrorLines;
import org.tl4j.viz.ProgressBar;
import org.tl4j.viz.TabledResult;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The layer-transfer experiment of Yosinski et al. (2014), in miniature: copy the first k layers of a
 * source network into a freshly initialised network of the same architecture, keep them frozen or let
 * them fine-tune, train on the target, for every k, over several seeds. Its control copies the first k
 * layers from a network trained on the target's own task instead (Yosinski's "selffer"), which tells
 * a drop caused by splitting co-adapted layers from a drop caused by layers specific to the source.
 * {@code LayerTransfer.of(source, seed -> Architectures.lenet(5, seed)).sweep(target, Plan.epochs(10), 5)}
 */
public final class LayerTransfer {
    private static final Messages TEXT = Messages.of(LayerTransfer.class);
    private final MultiLayerNetwork source;
    private final LongFunction<MultiLayerNetwork> freshTarget;
    private double learningRate = 1e-3;
    private long seed = 1;

    private LayerTransfer(MultiLayerNetwork source, LongFunction<MultiLayerNetwork> freshTarget) {
        this.source = source;
        this.freshTarget = freshTarget;
    }

    /**
     * @param source      the trained source network
     * @param freshTarget makes a new, randomly initialised network of the same architecture with the target's
     *                    classes, from a seed (each seed of an experiment starts the new layers differently)
     */
    public static LayerTransfer of(MultiLayerNetwork source, LongFunction<MultiLayerNetwork> freshTarget) {
        return new LayerTransfer(source, freshTarget);
    }

    /** As above, with a target network that starts the same way whatever the seed. */
    public static LayerTransfer of(MultiLayerNetwork source, Supplier<MultiLayerNetwork> freshTarget) {
        return new LayerTransfer(source, s -> freshTarget.get());
    }

    /** The seed of the networks {@link #network} builds (the sweep sets its own per run). */
    public LayerTransfer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The Adam rate of networks {@link #network} builds (the sweep takes the plan's). */
    public LayerTransfer learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    /**
     * The target network with the first k weighted layers copied from the source (k = 2: conv1 and conv2, and
     * the pooling layers between and just after them), frozen or not; k = 0 is a fresh network.
     */
    public MultiLayerNetwork network(int k, boolean frozen) {
        List<Integer> cuts = cuts();
        if (k < 0 || k > cuts.size()) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.kCopiedFromZero", cuts.size(), k));
        }
        return copyFirst(source, k == 0 ? 0 : cuts.get(k - 1), frozen, seed, learningRate);
    }

    /**
     * Yosinski's control: a fresh target network whose first k weighted layers are copied, frozen, from
     * {@code trained}, a network of the same architecture trained on the target's own task.
     */
    public MultiLayerNetwork ownTaskNetwork(MultiLayerNetwork trained, int k) {
        return ownTask(trained, k, seed, learningRate);
    }

    private MultiLayerNetwork ownTask(MultiLayerNetwork trained, int k, long seed, double rate) {
        List<Integer> cuts = cuts();
        if (k < 1 || k > cuts.size()) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.kCopiedFromOne", cuts.size(), k));
        }
        return copyFirst(trained, cuts.get(k - 1), true, seed, rate);
    }

    /** A fresh target network whose first {@code k} layers (pooling included) carry {@code from}'s weights. */
    private MultiLayerNetwork copyFirst(MultiLayerNetwork from, int k, boolean frozen, long seed, double rate) {
        MultiLayerNetwork target = freshTarget.apply(seed);
        int layers = target.getnLayers();
        if (k < 0 || k > layers - 1) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.kBelowOutput", layers - 1, k));
        }
        for (int i = 0; i < k; i++) {
            if (target.getLayer(i).numParams() != from.getLayer(i).numParams()) {
                throw new IllegalArgumentException(TEXT.get("LayerTransfer.notSameArchitecture",
                        i, target.getLayer(i).numParams(), from.getLayer(i).numParams()));
            }
            if (target.getLayer(i).numParams() > 0) {
                target.getLayer(i).setParams(from.getLayer(i).params().dup());
            }
        }
        // DL4J's own transfer API: a fine-tune configuration for every layer, the first k frozen
        TransferLearning.Builder b = new TransferLearning.Builder(target)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(rate)).seed(seed).build());
        if (frozen && k > 0) {
            b.setFeatureExtractor(k - 1);
        }
        return b.build();
    }

    /**
     * The target network with the <em>last</em> {@code k} layers (output included) copied from the
     * source and the layers below them freshly initialised: for a target with the same task but
     * inputs that look different. Frozen copied layers get a learning rate of 0.
     */
    public MultiLayerNetwork topNetwork(int k, boolean frozen) {
        return copyLast(k, frozen, seed);
    }

    private MultiLayerNetwork copyLast(int k, boolean frozen, long seed) {
        MultiLayerNetwork target = freshTarget.apply(seed);
        int layers = target.getnLayers();
        if (k < 1 || k > layers) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.kFromTop", layers, k));
        }
        if (target.layerSize(layers - 1) != source.layerSize(layers - 1)) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.topNeedsSameClasses",
                    source.layerSize(layers - 1), target.layerSize(layers - 1)));
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

    /** How many layers k weighted layers span: up to each layer with weights below the output (LeNet: 1, 3, 5). */
    private List<Integer> cuts() {
        MultiLayerNetwork probe = freshTarget.apply(seed);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < probe.getnLayers() - 1; i++) {
            if (probe.getLayer(i).numParams() > 0) {
                cuts.add(i + 1);
            }
        }
        return cuts;
    }

    /**
     * The sweep, seeds 100, 101, ...: per seed, training from scratch; for every k (weighted layers copied,
     * 1 = through conv1) the source's first k layers frozen, the same fine-tuned, and the control: the first
     * k layers of this seed's scratch network (trained on the target's own task) copied and frozen. Every
     * arm trains with the plan's epochs, batch and rate; validation picks its epoch; test is reported.
     */
    public Result sweep(Target target, Plan plan, int seeds) {
        checkSeeds(seeds);
        List<Integer> cuts = cuts();
        List<String> names = Layers.names(freshTarget.apply(seed));
        List<String> through = cuts.stream().map(c -> names.get(c - 1)).toList();
        Arms arms = new Arms("Layer transfer, " + target.name());
        ProgressBar bar = ProgressBar.start("layer-transfer runs", (long) seeds * (1 + 3L * cuts.size()));
        for (int s = 0; s < seeds; s++) {
            long runSeed = Experiment.FIRST_SEED + s;
            Target.Split split = target.split(runSeed);
            double rate = plan.learningRate();
            MultiLayerNetwork own = copyFirst(source, 0, false, runSeed, rate);
            arms.add(Result.SCRATCH, train(own, split, plan, runSeed, Result.SCRATCH, bar));
            for (int j = 0; j < cuts.size(); j++) {
                int cut = cuts.get(j);
                String k = " k=" + (j + 1);
                arms.add(Result.arm(Result.FROZEN, j + 1),
                        train(copyFirst(source, cut, true, runSeed, rate), split, plan, runSeed, Result.FROZEN + k, bar));
                arms.add(Result.arm(Result.FINE_TUNED, j + 1),
                        train(copyFirst(source, cut, false, runSeed, rate), split, plan, runSeed, Result.FINE_TUNED + k, bar));
                arms.add(Result.arm(Result.OWN_TASK, j + 1),
                        train(ownTask(own, j + 1, runSeed, rate), split, plan, runSeed, Result.OWN_TASK + k, bar));
            }
        }
        bar.finish("done");
        return new Result(target.name(), through, arms);
    }

    /**
     * Which end to keep when the target has the source's task but different-looking inputs: per seed, from
     * scratch; the first one and two weighted layers copied and frozen; the last two and three weighted
     * layers (output included) copied and frozen. One arm each, compared pair by pair.
     */
    public Arms ends(Target target, Plan plan, int seeds) {
        checkSeeds(seeds);
        List<Integer> cuts = cuts();
        List<String> names = Layers.names(freshTarget.apply(seed));
        int layers = names.size();
        List<Integer> weighted = new ArrayList<>(cuts.stream().map(c -> c - 1).toList());
        weighted.add(layers - 1);
        Arms arms = new Arms("Same task, different inputs: " + target.name());
        ProgressBar bar = ProgressBar.start("two-ends runs", seeds * 5L);
        for (int s = 0; s < seeds; s++) {
            long runSeed = Experiment.FIRST_SEED + s;
            Target.Split split = target.split(runSeed);
            arms.add("scratch", train(copyFirst(source, 0, false, runSeed, plan.learningRate()), split, plan, runSeed,
                    "scratch", bar));
            for (int n = 1; n <= 2; n++) {
                int cut = cuts.get(n - 1);
                String arm = "first " + span(names, 0, cut - 1, weighted);
                arms.add(arm, train(copyFirst(source, cut, true, runSeed, plan.learningRate()), split, plan, runSeed, arm, bar));
            }
            for (int n = 2; n <= 3; n++) {
                int from = weighted.get(weighted.size() - n);
                String arm = "last " + span(names, from, layers - 1, weighted);
                arms.add(arm, train(copyLast(layers - from, true, runSeed), split, plan, runSeed, arm, bar));
            }
        }
        bar.finish("done");
        return arms;
    }

    /** "layers (conv1, conv2)" or "layer (conv1)": the weighted layers from index a to b. */
    private static String span(List<String> names, int a, int b, List<Integer> weighted) {
        List<String> in = weighted.stream().filter(i -> i >= a && i <= b).map(names::get).toList();
        return (in.size() == 1 ? "layer (" : "layers (") + String.join(", ", in) + ")";
    }

    private static Run train(MultiLayerNetwork net, Target.Split split, Plan plan, long seed, String name, ProgressBar bar) {
        Run run = Trainer.of(net).epochs(plan.epochs()).live(false).name(name).run(split, plan.batchSize(), seed);
        bar.step(name);
        return run;
    }

    private static void checkSeeds(int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.seedsAtLeastOne", seeds));
        }
    }

    /**
     * What the sweep measured, per arm and seed. Arms: scratch, and for k = 1, 2, ...: the source's first k
     * weighted layers frozen, the same fine-tuned, and the control (the first k layers of a network trained on
     * the target itself, frozen). Figures are test accuracies; comparisons pair arms seed by seed.
     */
    public static final class Result extends TabledResult {
        public static final String SCRATCH = "scratch";
        public static final String FROZEN = "frozen";
        public static final String FINE_TUNED = "fine-tuned";
        public static final String OWN_TASK = "own-task control";

        private final String target;
        private final List<String> through;
        private final Arms arms;

        Result(String target, List<String> through, Arms arms) {
            this.target = target;
            this.through = List.copyOf(through);
            this.arms = arms;
        }

        static String arm(String mode, int k) {
            return mode + " k=" + k;
        }

        /** The deepest layer each k copies through: k = 1 is "conv1". */
        public List<String> through() {
            return through;
        }

        /** Every run, by arm. */
        public Arms arms() {
            return arms;
        }

        private String name(String mode, int k) {
            if (mode.equals(SCRATCH) || k == 0) {
                return SCRATCH;
            }
            if (k < 1 || k > through.size()) {
                throw new IllegalArgumentException(TEXT.get("LayerTransfer.kRunsFromOne", through.size(), k));
            }
            if (!List.of(FROZEN, FINE_TUNED, OWN_TASK).contains(mode)) {
                throw new IllegalArgumentException(TEXT.get("LayerTransfer.unknownMode", mode));
            }
            return arm(mode, k);
        }

        /** Test accuracy of one arm ("frozen", "fine-tuned", "own-task control"; k = 0 is scratch). */
        public Estimate accuracy(String mode, int k) {
            return arms.accuracy(name(mode, k));
        }

        /** An arm minus training from scratch, paired by seed. */
        public Comparison overScratch(String mode, int k) {
            return arms.compare(name(mode, k), SCRATCH);
        }

        /** For each depth copied frozen (by its deepest layer, "conv1", ...): frozen copy minus scratch. */
        public Map<String, Comparison> frozenGainsOverScratch() {
            Map<String, Comparison> gains = new LinkedHashMap<>();
            for (int k = 1; k <= through.size(); k++) {
                gains.put(through.get(k - 1), overScratch(FROZEN, k));
            }
            return gains;
        }

        /**
         * Specificity at depth k: the source's frozen copy minus the control's (same layers frozen, trained on
         * the target's own task). Below 0 beyond the noise: the source's first k layers suit the target less
         * than layers learnt on the target itself, i.e. they are specific to the source.
         */
        public Comparison specificity(int k) {
            return arms.compare(name(FROZEN, k), name(OWN_TASK, k));
        }

        /**
         * Co-adaptation at depth k: the control minus scratch. Below 0 beyond the noise: cutting a network
         * trained on the target itself after layer k and retraining the top loses accuracy, because the
         * layers above had learnt to work with those below.
         */
        public Comparison coAdaptation(int k) {
            return arms.compare(name(OWN_TASK, k), SCRATCH);
        }

        /** Test accuracy (%) against k, one line per mode, 95% intervals as error bars; k = 0 is scratch. */
        public XYChart chart() {
            Map<String, double[][]> lines = new LinkedHashMap<>();
            Estimate scratch = accuracy(SCRATCH, 0).times(100);
            for (String mode : List.of(FROZEN, FINE_TUNED, OWN_TASK)) {
                double[][] rows = new double[through.size() + 1][];
                rows[0] = new double[]{0, scratch.mean(), scratch.halfWidth()};
                for (int k = 1; k <= through.size(); k++) {
                    Estimate e = accuracy(mode, k).times(100);
                    rows[k] = new double[]{k, e.mean(), e.halfWidth()};
                }
                lines.put(mode.equals(OWN_TASK) ? "control: own-task layers, frozen" : mode + " copies of the source", rows);
            }
            return ErrorLines.of("Which layers to transfer: " + target + " (mean of " + arms.seeds() + " seeds, 95% intervals)",
                    "k = weighted layers copied (" + String.join(", ", through) + ")", "test accuracy (%)", lines);
        }

        /** One row per k: each mode's test accuracy with its interval, and the two paired differences. */
        public Table table() {
            IntColumn k = IntColumn.create("k");
            StringColumn layer = StringColumn.create("copied through");
            StringColumn frozen = StringColumn.create("frozen %");
            StringColumn tuned = StringColumn.create("fine-tuned %");
            StringColumn control = StringColumn.create("own-task control %");
            StringColumn spec = StringColumn.create("frozen - control (points)");
            StringColumn coad = StringColumn.create("control - scratch (points)");
            k.append(0);
            layer.append("(nothing: scratch)");
            String scratch = accuracy(SCRATCH, 0).times(100).brief("%.1f");
            frozen.append(scratch);
            tuned.append(scratch);
            control.append(scratch);
            spec.append("");
            coad.append("");
            for (int i = 1; i <= through.size(); i++) {
                k.append(i);
                layer.append(through.get(i - 1));
                frozen.append(accuracy(FROZEN, i).times(100).brief("%.1f"));
                tuned.append(accuracy(FINE_TUNED, i).times(100).brief("%.1f"));
                control.append(accuracy(OWN_TASK, i).times(100).brief("%.1f"));
                spec.append(specificity(i).difference().times(100).brief("%+.1f"));
                coad.append(coAdaptation(i).difference().times(100).brief("%+.1f"));
            }
            return Table.create("Layer transfer on " + target + ": test accuracy, mean (95% CI) of " + arms.seeds() + " seeds",
                    k, layer, frozen, tuned, control, spec, coad);
        }

        /** The verdicts in words, one line per depth. */
        public String findings() {
            StringBuilder s = new StringBuilder(target + ":");
            for (int k = 1; k <= through.size(); k++) {
                s.append("\n  through ").append(through.get(k - 1)).append(": frozen copy vs scratch: ")
                        .append(overScratch(FROZEN, k).sentence())
                        .append("\n    specificity (frozen copy vs own-task control): ").append(specificity(k).sentence())
                        .append("\n    co-adaptation (own-task control vs scratch): ").append(coAdaptation(k).sentence());
            }
            return s.toString();
        }

        /** The numbers as data: the arms' runs, and per depth the gain, specificity and co-adaptation. */
        public Map<String, Object> data() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", "layer-transfer");
            out.put("target", target);
            out.put("through", through);
            out.put("arms", arms.data().get("arms"));
            List<Object> depths = new ArrayList<>();
            for (int k = 1; k <= through.size(); k++) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("k", k);
                d.put("through", through.get(k - 1));
                d.put("frozenOverScratch", Arms.comparison(overScratch(FROZEN, k)));
                d.put("fineTunedOverScratch", Arms.comparison(overScratch(FINE_TUNED, k)));
                d.put("specificity", Arms.comparison(specificity(k)));
                d.put("coAdaptation", Arms.comparison(coAdaptation(k)));
                depths.add(d);
            }
            out.put("depths", depths);
            return out;
        }
    }
}
