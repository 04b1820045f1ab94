package org.tl4j.data;

import org.junit.jupiter.api.Test;
import org.tl4j.viz.DecisionBoundary;
import org.tl4j.viz.Show;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToyTest {
    @Test
    void moonsAreSeededAndBalanced() {
        PointSet a = Toy.moons(50, 0.1, 3);
        PointSet b = Toy.moons(50, 0.1, 3);
        assertEquals(100, a.size());
        assertArrayEquals(a.features().toDoubleMatrix()[17], b.features().toDoubleMatrix()[17]);
        assertEquals(50.0, a.oneHot().sum(0).getDouble(0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Toy.circles(1, 0.1, 1));
    }

    @Test
    void decisionBoundaryPaintsBothRegions() {
        PointSet c = Toy.circles(40, 0.05, 1);
        // a classifier by distance from the origin: class 1 outside radius 0.7
        var chart = DecisionBoundary.of("radius", c, x -> {
            var r = x.mul(x).sum(true, 1);
            return r.gt(0.49).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        });
        assertEquals(4, chart.getSeriesCollection().size()); // two regions, two classes of points
        assertTrue(Show.rendition(chart).png().length > 5000);
    }
}
