package org.tl4j.transfer;

import org.tl4j.network.Layers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.data.Mnist;
import org.tl4j.data.Target;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arms of the four-scenario grid: each starts from and trains a different part of the network. */
class StrategyTest {
    static SourceModel source;
    static Target.Split split;

    @BeforeAll
    static void load() {
        source = Zoo.load("lenet-mnist-0to4");
        split = Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9), Mnist.test().classes(5, 6, 7, 8, 9))
                .train(10).validation(10).test(20).split(100);
    }

    /** Which layers start from the source and which the last stage trains, by name. */
    private static String signature(Strategy s) {
        MultiLayerNetwork net = s.network(source, 5, 7);
        Schedule schedule = s.schedule(net, Plan.epochs(3));
        List<String> names = Layers.names(net);
        return "from source " + Strategy.transferredLayers(net, source.network()).stream().map(names::get).toList()
                + ", trains " + schedule.trainedLayers(net, schedule.stages().size() - 1).stream().map(names::get).toList();
    }

    @Test
    void noTwoArmsStartFromAndTrainTheSameLayers() {
        Map<String, Strategy> seen = new HashMap<>();
        for (Strategy s : Strategy.values()) {
            Strategy twin = seen.put(signature(s), s);
            assertNull(twin, s.label() + " and " + (twin == null ? "" : twin.label()) + " are the same arm: " + signature(s));
        }
        assertEquals("from source [], trains [conv1, conv2, fc, output]", signature(Strategy.SCRATCH));
        assertEquals("from source [conv1, conv2], trains [fc, output]", signature(Strategy.FEATURE_EXTRACTOR));
        assertEquals("from source [conv1, conv2, fc], trains [fc, output]", signature(Strategy.FINE_TUNE_TOP));
        assertEquals("from source [conv1, conv2, fc], trains [conv1, conv2, fc, output]", signature(Strategy.FINE_TUNE_ALL));
        assertEquals("from source [conv1], trains [conv2, fc, output]", signature(Strategy.EARLY_LAYERS));
        assertEquals("from source [conv1, conv2, fc], trains [output]", signature(Strategy.HEAD_ONLY));
        assertEquals(java.util.List.of(Strategy.values()).subList(0, 5), Strategy.GRID, "the grid's five arms");
    }

    @Test
    void fineTuningArmsTrainTheHeadFirstThenAtTheLowerRate() {
        MultiLayerNetwork net = Strategy.FINE_TUNE_ALL.network(source, 5, 7);
        Schedule s = Strategy.FINE_TUNE_ALL.schedule(net, Plan.epochs(6).headFirst(2).fineTuneRate(1e-4));
        assertEquals(2, s.stages().size());
        assertEquals(new Schedule.Stage(Layers.index(net, "fc"), 2, 1e-3), s.stages().get(0));
        assertEquals(new Schedule.Stage(-1, 4, 1e-4), s.stages().get(1));
    }

    @Test
    void layersNoStageTrainsKeepTheSourceWeights() {
        for (Strategy s : new Strategy[]{Strategy.FEATURE_EXTRACTOR, Strategy.FINE_TUNE_TOP, Strategy.EARLY_LAYERS}) {
            MultiLayerNetwork net = s.network(source, 5, 7);
            List<String> names = Layers.names(net);
            Map<String, INDArray> start = new HashMap<>();
            for (int i = 0; i < net.getnLayers(); i++) {
                if (net.getLayer(i).numParams() > 0) {
                    start.put(names.get(i), net.getLayer(i).params().dup());
                }
            }
            Schedule schedule = s.schedule(net, Plan.epochs(2).batch(10));
            java.util.Set<String> trained = new java.util.HashSet<>();
            for (int k = 0; k < schedule.stages().size(); k++) {
                schedule.trainedLayers(net, k).forEach(i -> trained.add(names.get(i)));
            }
            Run run = schedule.fit(net, split, 10, 7, s.label());
            for (int i = 0; i < net.getnLayers(); i++) {
                if (net.getLayer(i).numParams() > 0) {
                    boolean moved = !net.getLayer(i).params().equals(start.get(names.get(i)));
                    if (!trained.contains(names.get(i))) {
                        assertTrue(!moved, s.label() + ": " + names.get(i) + " moved though no stage trains it");
                    }
                }
            }
            assertTrue(!net.getLayer(net.getnLayers() - 1).params().equals(start.get("output")), s.label() + ": the head did not learn");
            assertTrue(run.testAccuracy() > 0.2 && run.chosenEpoch() >= 1 && run.chosenEpoch() <= run.epochs(), run.toString());
        }
    }

    @Test
    void theGridPairsArmsOnTheSameSeedsAndReportsTestAccuracy() {
        Target small = Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9), Mnist.test().classes(5, 6, 7, 8, 9))
                .train(5).validation(5).test(10);
        ScenarioResults r = ScenarioGrid.from(source).target(small, "small", Plan.epochs(2).batch(10))
                .strategies(Strategy.SCRATCH, Strategy.FINE_TUNE_ALL).run(2);
        List<Run> scratch = r.runs("digits 5-9 (small)", Strategy.SCRATCH);
        assertEquals(List.of(100L, 101L), scratch.stream().map(Run::seed).toList());
        assertEquals(2, r.accuracy("digits 5-9 (small)", Strategy.FINE_TUNE_ALL).n());
        assertNotEquals(scratch.get(0).testAccuracy(), Double.NaN);
        Map<String, Object> data = r.data();
        assertEquals("scenario-grid", data.get("kind"));
        assertTrue(r.table().rowCount() == 2 && r.chart().getSeriesCollection().size() == 2);
    }

    @Test
    void aSecondSourceReusesTheScratchRunsOfTheSameSetUpOnly() {
        Target small = Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9), Mnist.test().classes(5, 6, 7, 8, 9))
                .train(5).validation(5).test(10);
        Plan plan = Plan.epochs(1).batch(10);
        ScenarioResults first = ScenarioGrid.from(source).target(small, "small", plan)
                .strategies(Strategy.SCRATCH, Strategy.HEAD_ONLY).run(2);
        SourceModel clothes = Zoo.load("lenet-fashion-0to4");
        ScenarioResults second = ScenarioGrid.from(clothes).target(small, "small", plan)
                .strategies(Strategy.SCRATCH, Strategy.HEAD_ONLY).scratchRunsFrom(first).run(2);
        assertEquals(first.runs("digits 5-9 (small)", Strategy.SCRATCH), second.runs("digits 5-9 (small)", Strategy.SCRATCH));
        assertNotEquals(first.runs("digits 5-9 (small)", Strategy.HEAD_ONLY), second.runs("digits 5-9 (small)", Strategy.HEAD_ONLY));
        ScenarioResults fresh = ScenarioGrid.from(clothes).target(small, "small", plan).strategies(Strategy.SCRATCH).run(1);
        assertEquals(first.runs("digits 5-9 (small)", Strategy.SCRATCH).get(0).testAccuracy(),
                fresh.runs("digits 5-9 (small)", Strategy.SCRATCH).get(0).testAccuracy(), "scratch does not look at the source");
        assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.from(clothes).target(small, "small", Plan.epochs(2).batch(10))
                .scratchRunsFrom(first).run(1), "another plan");
        assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.from(clothes).target(small.train(6), "small", plan)
                .scratchRunsFrom(first).run(1), "other sizes");
        assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.from(clothes).target(small, "small", plan)
                .scratchRunsFrom(first).run(3), "more seeds");
        ScenarioResults noScratch = ScenarioGrid.from(source).target(small, "small", plan).strategies(Strategy.HEAD_ONLY).run(1);
        assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.from(clothes).scratchRunsFrom(noScratch));
    }
}
