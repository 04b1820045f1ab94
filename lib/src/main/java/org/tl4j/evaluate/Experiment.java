package org.tl4j.evaluate;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.course.Messages;
import org.tl4j.data.Target;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.train.Trainer;
import org.tl4j.viz.ProgressBar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * Several ways of training on one target, each run on the same seeds (100, 101, ...): per seed the target
 * is split once and every arm gets that split and that seed. Each arm builds its network from the seed and
 * trains it its own way; validation chooses the epoch, the test set gives the figure. Optional measures
 * (how far a layer moved, what was forgotten) are taken on each trained network.
 * {@code Experiment.on(target, 5).arm("all at once", seed -> ..., Experiment.plain(plan)).run()}
 */
public final class Experiment {
    private static final Messages TEXT = Messages.of(Experiment.class);
    /** Seeds are 100, 101, ...: the same in every lesson. */
    public static final long FIRST_SEED = 100;

    /** How an arm trains its network on one seed's split. */
    @FunctionalInterface
    public interface Training {
        Run train(MultiLayerNetwork net, Target.Split split, long seed);
    }

    private record Arm(String name, LongFunction<MultiLayerNetwork> build, Training training) {
    }

    private final Target target;
    private final int seeds;
    private final List<Arm> arms = new ArrayList<>();
    private final Map<String, ToDoubleFunction<MultiLayerNetwork>> measures = new LinkedHashMap<>();

    private Experiment(Target target, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException(TEXT.get("Experiment.seedsAtLeastOne", seeds));
        }
        this.target = target;
        this.seeds = seeds;
    }

    public static Experiment on(Target target, int seeds) {
        return new Experiment(target, seeds);
    }

    /** Plain training: every epoch of the plan at the rates the network was built with. */
    public static Training plain(Plan plan) {
        return (net, split, seed) -> Trainer.of(net).epochs(plan.epochs()).live(false).run(split, plan.batchSize(), seed);
    }

    /** An arm: how to build its network for a seed, and how to train it. */
    public Experiment arm(String name, LongFunction<MultiLayerNetwork> build, Training training) {
        if (arms.stream().anyMatch(a -> a.name().equals(name))) {
            throw new IllegalArgumentException(TEXT.get("Experiment.armTwice", name));
        }
        arms.add(new Arm(name, build, training));
        return this;
    }

    /** A figure to take on every trained network, besides its test accuracy. */
    public Experiment measure(String name, ToDoubleFunction<MultiLayerNetwork> measure) {
        measures.put(name, measure);
        return this;
    }

    /** Runs every arm on every seed (a progress bar counts the runs). */
    public Arms run() {
        if (arms.isEmpty()) {
            throw new IllegalStateException(TEXT.get("Experiment.addAnArm"));
        }
        Arms results = new Arms(target.name());
        ProgressBar bar = ProgressBar.start("runs", (long) seeds * arms.size());
        for (int s = 0; s < seeds; s++) {
            long seed = FIRST_SEED + s;
            Target.Split split = target.split(seed);
            for (Arm arm : arms) {
                MultiLayerNetwork net = arm.build().apply(seed);
                results.add(arm.name(), arm.training().train(net, split, seed));
                measures.forEach((name, m) -> results.measure(arm.name(), name, m.applyAsDouble(net)));
                bar.step(arm.name());
            }
        }
        bar.finish("done");
        return results;
    }

    /** What the experiment will run, e.g. "Experiment on digits 5-9, 5 seeds, arms [all at once, head first]". */
    @Override
    public String toString() {
        return "Experiment on " + target.name() + ", " + seeds + (seeds == 1 ? " seed" : " seeds") + ", arms "
                + arms.stream().map(Arm::name).toList();
    }
}
