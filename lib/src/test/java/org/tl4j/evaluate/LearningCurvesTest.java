package org.tl4j.evaluate;

import org.junit.jupiter.api.Test;
import org.tl4j.data.Mnist;
import org.tl4j.data.Target;
import org.tl4j.network.Layers;
import org.tl4j.train.Plan;
import org.tl4j.train.Run;
import org.tl4j.train.Trainer;
import org.tl4j.transfer.Transfer;
import org.tl4j.viz.Show;
import org.tl4j.zoo.Architectures;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start, slope and asymptote read off test curves over seeds; the end point is the epoch validation chose. */
class LearningCurvesTest {

    @Test
    @SuppressWarnings("unchecked")
    void benefitsComeFromTestCurvesAndTheEpochValidationChose() {
        SourceModel lenet = Zoo.load("lenet-mnist-0to4");
        int base = Layers.lastFeatureLayer(lenet.network());
        Target digits = Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9), Mnist.test().classes(5, 6, 7, 8, 9))
                .train(10).validation(10).test(40);
        Plan plan = Plan.epochs(6).batch(10);
        Benefits b = LearningCurves.on(digits, plan)
                .arm("transfer", seed -> Transfer.from(lenet).freezeThrough(base).newHead(5).seed(seed).build())
                .arm("from scratch", seed -> Architectures.lenet(5, seed))
                .run(2);

        Map<String, Object> data = b.data();
        assertEquals("benefits", data.get("kind"));
        Map<String, Object> scratch = (Map<String, Object>) ((Map<String, Object>) data.get("arms")).get("from scratch");
        List<double[]> curves = ((List<List<Double>>) scratch.get("curves")).stream()
                .map(c -> c.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        List<Integer> chosen = (List<Integer>) scratch.get("chosenEpochs");
        assertEquals(2, curves.size());
        assertEquals(6, curves.get(0).length);
        assertEquals((curves.get(0)[0] + curves.get(1)[0]) / 2, b.of("from scratch", Benefits.Benefit.START).mean(), 1e-12);
        assertEquals((curves.get(0)[2] - curves.get(0)[0] + curves.get(1)[2] - curves.get(1)[0]) / 4,
                b.of("from scratch", Benefits.Benefit.SLOPE).mean(), 1e-12, "slope over the first half");

        // the asymptote of seed 100 is what an experiment run reports: test accuracy of the epoch validation chose
        Run byHand = Trainer.of(Architectures.lenet(5, 100)).epochs(6).live(false).run(digits.split(100), 10, 100);
        assertEquals(byHand.chosenEpoch(), chosen.get(0));
        assertTrue(chosen.get(0) < 6, "this set-up has validation choose an epoch before the last: " + chosen);
        assertEquals(byHand.testAccuracy(), curves.get(0)[chosen.get(0) - 1], 1e-12);
        assertEquals((byHand.testAccuracy() + curves.get(1)[chosen.get(1) - 1]) / 2,
                b.of("from scratch", Benefits.Benefit.ASYMPTOTE).mean(), 1e-12);

        // with ten images per class, the source's features start far ahead of random ones
        assertTrue(b.compare(Benefits.Benefit.START, "transfer", "from scratch").difference().mean() > 0.1, b.toString());
        String verdicts = b.verdicts("transfer", "from scratch");
        assertEquals(3, verdicts.lines().count(), verdicts);
        assertTrue(verdicts.startsWith("higher start: ") && verdicts.contains("\nhigher slope (points per epoch): ")
                && verdicts.contains("\nhigher asymptote: "), verdicts);
        assertEquals(2, b.chart().getSeriesCollection().size());
        assertTrue(Show.rendition(b.chart()).png().length > 5000);
        assertEquals(2, b.table().rowCount());

        assertThrows(IllegalArgumentException.class, () -> b.of("fine-tuned", Benefits.Benefit.START));
        assertThrows(IllegalArgumentException.class, () -> LearningCurves.on(digits, Plan.epochs(1)));
        assertThrows(IllegalStateException.class, () -> LearningCurves.on(digits, plan).run(1));
    }
}
