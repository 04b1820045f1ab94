package org.tl4j.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.backend.HostFloats;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubsetsAndShiftsTest {
    @Test
    void classSubsetIsRelabelledInTheGivenOrder() {
        ImageSet target = Mnist.test().classes(5, 6, 7, 8, 9);
        assertEquals(List.of("5", "6", "7", "8", "9"), target.classNames());
        int[] all = Mnist.test().classCounts();
        assertArrayEquals(new int[]{all[5], all[6], all[7], all[8], all[9]}, target.classCounts());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.test().classes(3, 10));
        assertTrue(e.getMessage().contains("0..9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mnist.test().classes(3, 3));
    }

    @Test
    void perClassSamplingIsBalancedSeededAndChecked() {
        ImageSet small = FashionMnist.train().perClass(10, 4);
        assertArrayEquals(new int[]{10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, small.classCounts());
        assertArrayEquals(small.pixels(7), FashionMnist.train().perClass(10, 4).pixels(7));
        assertNotEquals(small.label(0), small.label(1)); // classes interleaved
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.test().first(30).perClass(10, 1));
        assertTrue(e.getMessage().contains("fewer than the 10 per class"), e.getMessage());
    }

    @Test
    void splitIsStratifiedAndDisjoint() {
        ImageSet set = Mnist.test().classes(0, 1).perClass(50, 1);
        ImageSet.Split s = set.split(0.8, 9);
        assertArrayEquals(new int[]{40, 40}, s.first().classCounts());
        assertArrayEquals(new int[]{10, 10}, s.second().classCounts());
        assertThrows(IllegalArgumentException.class, () -> set.split(1.0, 1));
    }

    @Test
    void augmentationAppendsFreshlyDrawnCopiesWithTheirLabels() {
        ImageSet base = Mnist.test().first(20);
        Shift jitter = Shift.jitter(2, 10, 3);
        ImageSet more = base.augmented(jitter, 2);
        assertEquals(60, more.size());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(base.pixels(i), more.pixels(i));            // the originals first, unchanged
            assertEquals(base.label(i), more.label(20 + i));
            assertEquals(base.label(i), more.label(40 + i));
        }
        assertArrayEquals(jitter.apply(base.pixels(5), 28, 28, 5), more.pixels(25));
        assertArrayEquals(jitter.apply(base.pixels(5), 28, 28, 25), more.pixels(45));
        assertNotEquals(java.util.Arrays.toString(more.pixels(25)), java.util.Arrays.toString(more.pixels(45)));
        assertArrayEquals(more.pixels(33), base.augmented(Shift.jitter(2, 10, 3), 2).pixels(33)); // seeded
        assertArrayEquals(base.pixels(4), base.augmented(Shift.jitter(0, 0, 3), 1).pixels(24));   // no move, no change
        assertThrows(IllegalArgumentException.class, () -> base.augmented(jitter, -1));
        assertThrows(IllegalArgumentException.class, () -> Shift.jitter(-1, 0, 1));
    }

    @Test
    void shiftsKeepLabelsAndChangePixels() {
        ImageSet base = Mnist.test().first(20);
        ImageSet inverted = base.shifted(Shift.inversion());
        assertArrayEquals(base.classCounts(), inverted.classCounts());
        assertEquals(255 - base.pixels(0)[0], inverted.pixels(0)[0]);
        ImageSet rotated = base.shifted(Shift.rotation(90));
        // a 90 degree rotation moves the top-left corner's column to the bottom-left row
        int[] p = base.pixels(3);
        int[] r = rotated.pixels(3);
        assertEquals(p[14 * 28 + 14], r[14 * 28 + 13] , 255.0, "centre stays inside");
        int sumBefore = java.util.Arrays.stream(p).sum();
        int sumAfter = java.util.Arrays.stream(r).sum();
        assertEquals(sumBefore, sumAfter, sumBefore * 0.1, "rotation by 90 degrees keeps the ink");
        assertArrayEquals(base.shifted(Shift.noise(30, 1)).pixels(2), base.shifted(Shift.noise(30, 1)).pixels(2));
        assertTrue(base.shifted(Shift.blur(1)).name().contains("blurred"));
        int[] c = base.shifted(Shift.contrast(0.5, 0)).pixels(0);
        assertTrue(java.util.Arrays.stream(c).max().getAsInt() <= 128);
        assertThrows(IllegalArgumentException.class, () -> Shift.blur(0));
    }

    @Test
    void shuffledBatchesChangeOrderEachEpochButNotAcrossRuns() {
        ImageSet set = Mnist.test().first(64);
        DataSetIterator a = set.shuffledBatches(16, 3);
        DataSetIterator b = set.shuffledBatches(16, 3);
        DataSet a1 = a.next();
        assertEquals(a1.getLabels(), b.next().getLabels());
        a.reset();
        int examples = 0;
        DataSet first = null;
        while (a.hasNext()) {
            DataSet d = a.next();
            first = first == null ? d : first;
            examples += d.numExamples();
        }
        assertEquals(64, examples);
        assertNotEquals(a1.getFeatures(), first.getFeatures());
    }

    @Test
    void shuffledRowsAreTheChosenRowsOfEveryArray() {
        INDArray features = Nd4j.rand(DataType.FLOAT, 40, 7);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 40, 3);
        INDArray mask = Nd4j.rand(DataType.FLOAT, 40, 7);
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 40, 7);
        int[] rows = {39, 0, 17, 17, 5};
        for (INDArray a : List.of(features, labels, mask, doubles, features.transpose().dup('f').transpose())) {
            INDArray got = HostFloats.rows(a, rows);
            assertArrayEquals(new long[]{rows.length, a.size(1)}, got.shape());
            for (int i = 0; i < rows.length; i++) {
                assertEquals(a.getRow(rows[i]), got.getRow(i), "row " + i);
            }
        }
        DataSetIterator it = ShuffledBatches.of(new org.nd4j.linalg.dataset.DataSet(features, labels, mask, null), 40, 2);
        DataSet all = it.next();
        for (int i = 0; i < 40; i++) {
            int source = findRow(features, all.getFeatures().getRow(i));
            assertEquals(labels.getRow(source), all.getLabels().getRow(i));
            assertEquals(mask.getRow(source), all.getFeaturesMaskArray().getRow(i));
        }
    }

    private static int findRow(INDArray a, INDArray row) {
        for (int i = 0; i < a.rows(); i++) {
            if (a.getRow(i).equals(row)) {
                return i;
            }
        }
        throw new AssertionError("row not found: " + row);
    }
}
