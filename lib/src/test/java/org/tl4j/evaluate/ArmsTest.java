package org.tl4j.evaluate;

import org.junit.jupiter.api.Test;
import org.tl4j.train.Run;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArmsTest {
    private static Arms arms(double[] a, double[] b, double[] c) {
        Arms arms = new Arms("test");
        for (int s = 0; s < a.length; s++) {
            arms.add("a", new Run("a", s, 2, 3, 0.9, a[s], 1));
            arms.add("b", new Run("b", s, 3, 3, 0.9, b[s], 1));
            arms.add("c", new Run("c", s, 1, 3, 0.9, c[s], 1));
        }
        return arms;
    }

    @Test
    void bestArmAndTheArmsItDoesNotBeat() {
        // a beats c on every seed by a steady margin; a and b swap places from seed to seed
        Arms arms = arms(new double[]{0.90, 0.91, 0.92, 0.90, 0.93}, new double[]{0.92, 0.89, 0.93, 0.88, 0.94},
                new double[]{0.80, 0.82, 0.81, 0.80, 0.83});
        Arms.Best best = arms.best();
        assertEquals("a", best.arm());
        assertEquals(List.of("b"), best.ties());
        assertEquals(Comparison.Verdict.A_BETTER, arms.compare("a", "c").verdict());
        assertEquals(Comparison.Verdict.CANNOT_TELL, arms.compare("b", "a").verdict());
        assertEquals(List.of("a", "b", "c"), arms.arms());
        assertEquals(5, arms.seeds());
        assertEquals(3, arms.table().rowCount());
        assertTrue(arms.table().stringColumn("epochs chosen by validation").get(0).startsWith("[2/3"));
    }

    @Test
    void dataCarriesEveryRunAndTheSummary() {
        Arms arms = arms(new double[]{0.9, 0.8}, new double[]{0.7, 0.6}, new double[]{0.5, 0.4});
        Map<String, Object> data = arms.data();
        assertEquals("arms", data.get("kind"));
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) data.get("arms")).get("a");
        assertEquals(0.85, (double) ((Map<?, ?>) a.get("test")).get("mean"), 1e-12);
        assertEquals(2, ((List<?>) a.get("runs")).size());
        assertEquals("a", data.get("best"));
    }

    @Test
    void theChartShowsOneBarPerArmOnAPercentAxisThatStopsAt100() {
        // two seeds far apart: the interval of a reaches past 100%, the axis does not
        Arms arms = arms(new double[]{0.99, 0.70}, new double[]{0.7, 0.6}, new double[]{0.5, 0.4});
        var chart = arms.chart();
        assertEquals(1, chart.getSeriesCollection().size());
        assertEquals(List.of("a", "b", "c"), chart.getSeriesCollection().iterator().next().getXData());
        assertTrue(arms.accuracy("a").times(100).mean() + arms.accuracy("a").times(100).halfWidth() > 100);
        assertEquals(100.0, chart.getStyler().getYAxisMax());
    }

    @Test
    void otherFiguresAreKeptPerArmAndComparedPairwise() {
        Arms arms = arms(new double[]{0.9, 0.8, 0.85}, new double[]{0.7, 0.6, 0.65}, new double[]{0.5, 0.4, 0.45});
        for (double[] v : new double[][]{{0.10, 0.30}, {0.11, 0.32}, {0.12, 0.31}}) {
            arms.measure("a", "moved", v[0]).measure("b", "moved", v[1]);
        }
        assertEquals(List.of("moved"), arms.measures());
        assertEquals(0.11, arms.measured("a", "moved").mean(), 1e-12);
        Comparison c = arms.compareMeasured("moved", "a", "b");
        assertEquals(Comparison.Verdict.B_BETTER, c.verdict(), c.sentence());
        assertTrue(arms.table().columnNames().contains("moved"));
        assertEquals("", arms.table().stringColumn("moved").get(2), "c was not measured");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> arms.measured("c", "moved"));
        assertTrue(e.getMessage().contains("not measured for c"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> arms.measured("a", "forgotten"));
    }

    @Test
    void anExperimentSaysWhatItWillRun() {
        org.tl4j.data.Target t = org.tl4j.data.Target.of("digits", org.tl4j.data.Mnist.train().classes(0, 1),
                org.tl4j.data.Mnist.test().classes(0, 1));
        Experiment e = Experiment.on(t, 3).arm("a", seed -> null, Experiment.plain(org.tl4j.train.Plan.epochs(1)));
        assertEquals("Experiment on digits, 3 seeds, arms [a]", e.toString());
        assertThrows(IllegalArgumentException.class, () -> e.arm("a", seed -> null, null));
    }

    @Test
    void anUnknownArmIsNamedInTheError() {
        Arms arms = arms(new double[]{0.9}, new double[]{0.7}, new double[]{0.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> arms.accuracy("d"));
        assertTrue(e.getMessage().contains("[a, b, c]"), e.getMessage());
        assertEquals(List.of("b", "c"), arms.best().ties(), "one seed cannot separate arms");
    }
}
