package org.tl4j.evaluate;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.course.Messages;
import org.tl4j.data.Target;
import org.tl4j.train.History;
import org.tl4j.train.Plan;
import org.tl4j.train.Trainer;
import org.tl4j.viz.ProgressBar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Learning curves of several arms on one target, over seeds 100, 101, ...: per seed the target is split
 * once and every arm trains on that split from a network built with that seed. The curve is the test
 * accuracy after every epoch; validation alone picks the epoch whose weights count as the end result.
 * {@code LearningCurves.on(target, Plan.epochs(20).batch(10)).arm("transfer", seed -> ...).run(5)}
 */
public final class LearningCurves {
    private static final Messages TEXT = Messages.of(LearningCurves.class);
    private final Target target;
    private final Plan plan;
    private final Map<String, LongFunction<MultiLayerNetwork>> arms = new LinkedHashMap<>();

    private LearningCurves(Target target, Plan plan) {
        if (plan.epochs() < 2) {
            throw new IllegalArgumentException(TEXT.get("LearningCurves.twoEpochs", plan.epochs()));
        }
        this.target = target;
        this.plan = plan;
    }

    public static LearningCurves on(Target target, Plan plan) {
        return new LearningCurves(target, plan);
    }

    /** An arm: how to build its network for a seed; it trains with the plan's epochs and batch size. */
    public LearningCurves arm(String name, LongFunction<MultiLayerNetwork> build) {
        if (arms.containsKey(name)) {
            throw new IllegalArgumentException(TEXT.get("LearningCurves.armTwice", name));
        }
        arms.put(name, build);
        return this;
    }

    public Benefits run(int seeds) {
        if (arms.isEmpty()) {
            throw new IllegalStateException(TEXT.get("Experiment.addAnArm"));
        }
        if (seeds < 1) {
            throw new IllegalArgumentException(TEXT.get("Experiment.seedsAtLeastOne", seeds));
        }
        Benefits benefits = new Benefits(target.name(), plan.epochs());
        ProgressBar bar = ProgressBar.start("learning curves", (long) seeds * arms.size());
        for (int s = 0; s < seeds; s++) {
            long seed = Experiment.FIRST_SEED + s;
            Target.Split split = target.split(seed);
            arms.forEach((name, build) -> {
                History h = Trainer.of(build.apply(seed)).epochs(plan.epochs()).live(false).name(name)
                        .restoreBestEpoch().testCurve(split.test().batches(500))
                        .fit(split.train().shuffledBatches(plan.batchSize(), seed), split.validation().batches(500));
                benefits.add(name, h.testAccuracies(), h.bestEpoch());
                bar.step(name);
            });
        }
        bar.finish("done");
        return benefits;
    }
}
