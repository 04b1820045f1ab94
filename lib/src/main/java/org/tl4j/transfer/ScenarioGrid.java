package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.data.Target;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.viz.ProgressBar;
import org.tl4j.zoo.SourceModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The four-scenario experiment: every arm ({@link Strategy}) on every target (small or large, similar
 * or not), repeated over seeds. Seed k draws the target's training and validation images and the
 * new layers' starting weights; every arm gets the same seed k, so arms are compared pair by pair.
 * {@code ScenarioGrid.from(source).target(digits.train(10), "small", Plan.epochs(15).batch(10)).run(5)}
 */
public final class ScenarioGrid {
    private static final Messages TEXT = Messages.of(ScenarioGrid.class);
    /** Seeds are 100, 101, ...: the same in every lesson that runs a grid. */
    public static final long FIRST_SEED = org.tl4j.evaluate.Experiment.FIRST_SEED;

    /** One quadrant of the grid: a target at one size, and how to train on it. */
    record Quadrant(Target target, String size, Plan plan) {
        String name() {
            return target.name() + " (" + size + ")";
        }

        String setup() {
            return target + "; " + plan.seed(FIRST_SEED);
        }
    }

    private final SourceModel source;
    private final List<Quadrant> quadrants = new ArrayList<>();
    private final List<Strategy> strategies = new ArrayList<>(Strategy.GRID);
    private ScenarioResults scratchRuns;

    private ScenarioGrid(SourceModel source) {
        this.source = source;
    }

    public static ScenarioGrid from(SourceModel source) {
        return new ScenarioGrid(source);
    }

    /** A target at one size ("small", "large"), trained by this plan (its seed is replaced by the grid's). */
    public ScenarioGrid target(Target target, String size, Plan plan) {
        Quadrant q = new Quadrant(target, size, plan);
        if (quadrants.stream().anyMatch(other -> other.name().equals(q.name()))) {
            throw new IllegalArgumentException(TEXT.get("ScenarioGrid.quadrantTwice", q.name()));
        }
        quadrants.add(q);
        return this;
    }

    /** The arms to run (the five of {@link Strategy#GRID} by default). */
    public ScenarioGrid strategies(Strategy... chosen) {
        if (chosen.length == 0) {
            throw new IllegalArgumentException(TEXT.get("ScenarioGrid.nameAStrategy"));
        }
        strategies.clear();
        strategies.addAll(List.of(chosen));
        return this;
    }

    /**
     * Takes the scratch arm's runs from an earlier grid instead of training them again: training from
     * scratch does not look at the source, so a grid with the same targets, plans and seeds measured it.
     */
    public ScenarioGrid scratchRunsFrom(ScenarioResults earlier) {
        if (!earlier.strategies().contains(Strategy.SCRATCH)) {
            throw new IllegalArgumentException(TEXT.get("ScenarioGrid.noScratchRuns"));
        }
        this.scratchRuns = earlier;
        return this;
    }

    private void checkScratchRuns(int seeds) {
        for (Quadrant q : quadrants) {
            if (!scratchRuns.quadrants().contains(q.name()) || !q.setup().equals(scratchRuns.setup(q.name()))) {
                throw new IllegalArgumentException(TEXT.get("ScenarioGrid.earlierGridDiffers", q.name(), q.setup()));
            }
            if (scratchRuns.runs(q.name(), Strategy.SCRATCH).size() < seeds) {
                throw new IllegalArgumentException(TEXT.get("ScenarioGrid.earlierGridFewerSeeds", q.name(), seeds));
            }
        }
    }

    /** Runs every arm on every quadrant with seeds 100, 101, ... (a progress bar counts the runs). */
    public ScenarioResults run(int seeds) {
        if (quadrants.isEmpty()) {
            throw new IllegalStateException(TEXT.get("ScenarioGrid.addATarget"));
        }
        if (seeds < 1) {
            throw new IllegalArgumentException(TEXT.get("LayerTransfer.seedsAtLeastOne", seeds));
        }
        if (scratchRuns != null) {
            checkScratchRuns(seeds);
        }
        ProgressBar bar = ProgressBar.start("scenario runs", (long) quadrants.size() * strategies.size() * seeds);
        ScenarioResults results = new ScenarioResults(source.toString(), strategies);
        for (Quadrant q : quadrants) {
            results.setUp(q.name(), q.setup());
            for (int k = 0; k < seeds; k++) {
                long seed = FIRST_SEED + k;
                Target.Split split = q.target().split(seed);
                for (Strategy s : strategies) {
                    Run run = s == Strategy.SCRATCH && scratchRuns != null
                            ? scratchRuns.runs(q.name(), Strategy.SCRATCH).get(k)
                            : s.train(source, split, q.plan().seed(seed));
                    results.add(q.name(), s, run);
                    bar.step(q.name() + ", " + s.label());
                }
            }
        }
        bar.finish("done");
        return results;
    }
}
