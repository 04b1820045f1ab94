package org.tl4j.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real data sets from the cache that `make datasets` builds. */
class CourseDataTest {
    @Test
    void mnistHasItsKnownSizesAndClassCounts() {
        ImageSet train = Mnist.train();
        assertEquals(60_000, train.size());
        assertEquals(28, train.rows());
        assertEquals(10_000, Mnist.test().size());
        // the published class counts of the MNIST training set
        assertArrayEquals(new int[]{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train.classCounts());
        assertEquals(5, train.label(0)); // the famous first training image is a 5
    }

    @Test
    void fashionIsSplitSixThousandAndOneThousandPerClass() {
        int[] train = FashionMnist.train().classCounts();
        int[] test = FashionMnist.test().classCounts();
        int[] sixThousand = new int[10];
        int[] oneThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, train);
        assertArrayEquals(oneThousand, test);
        // interleaved: any prefix is balanced
        assertEquals(1, FashionMnist.train().first(10).classCounts()[9]);
    }

    @Test
    void samplingIsSeededAndLeavesTheSourceUnchanged() {
        ImageSet test = Mnist.test();
        ImageSet a = test.sample(100, 7);
        ImageSet b = test.sample(100, 7);
        ImageSet c = test.sample(100, 8);
        assertArrayEquals(a.classCounts(), b.classCounts());
        assertArrayEquals(a.pixels(42), b.pixels(42));
        assertTrue(!Arrays.equals(a.pixels(0), c.pixels(0)) || !Arrays.equals(a.pixels(1), c.pixels(1)));
        assertEquals(10_000, test.size());
    }

    @Test
    void dataSetsAreScaledAndOneHot() {
        DataSet ds = Mnist.test().first(5).toDataSet();
        assertArrayEquals(new long[]{5, 784}, ds.getFeatures().shape());
        assertArrayEquals(new long[]{5, 10}, ds.getLabels().shape());
        assertEquals(1.0, ds.getFeatures().maxNumber().doubleValue(), 1e-6);
        assertEquals(0.0, ds.getFeatures().minNumber().doubleValue(), 1e-6);
        assertEquals(5.0, ds.getLabels().sumNumber().doubleValue(), 1e-6);
        assertEquals(Mnist.test().label(0), ds.getLabels().getRow(0).argMax().getInt(0));
    }

    @Test
    void batchesCoverEveryExampleOnce() {
        DataSetIterator it = Mnist.test().first(130).batches(64);
        int batches = 0;
        int examples = 0;
        while (it.hasNext()) {
            examples += it.next().numExamples();
            batches++;
        }
        assertEquals(3, batches);
        assertEquals(130, examples);
    }

    @Test
    void badIndicesAndSizesSayWhatIsValid() {
        ImageSet five = Mnist.test().first(5);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> five.label(5));
        assertTrue(e.getMessage().contains("0..4"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> five.sample(6, 1));
        assertTrue(s.getMessage().contains("6") && s.getMessage().contains("5"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> five.batches(0));
    }

    @Test
    void gridIsDrawnAtTwiceItsSize() {
        var r = org.tl4j.viz.ImageGrid.of(Mnist.test(), 12).render();
        assertEquals(560, r.pngWidth());
        assertTrue(r.png().length > 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> org.tl4j.viz.ImageGrid.of(Mnist.test(), 12).withPredictions(new int[3]));
        assertTrue(e.getMessage().contains("3 predictions for 12 images"), e.getMessage());
    }
}
