package org.tl4j.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.viz.ImageGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Grey-scale images with integer labels, kept as bytes (0-255) until a network needs them.
 * Every selection returns a new ImageSet and leaves this one unchanged.
 */
public final class ImageSet {
    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;

    public ImageSet(String name, int rows, int cols, byte[] pixels, byte[] labels, List<String> classNames) {
        if (pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes but " + labels.length
                    + " images of " + rows + "x" + cols + " need " + ((long) labels.length * rows * cols));
        }
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int numClasses() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int label(int i) {
        checkIndex(i);
        return labels[i] & 0xff;
    }

    public String className(int label) {
        return classNames.get(label);
    }

    /** One image's pixels, 0-255, row by row. */
    public int[] pixels(int i) {
        checkIndex(i);
        int n = rows * cols;
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = pixels[i * n + k] & 0xff;
        }
        return out;
    }

    /** How many images each class has. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (byte l : labels) {
            counts[l & 0xff]++;
        }
        return counts;
    }

    /** The first n images. */
    public ImageSet first(int n) {
        return select(range(Math.min(n, size())), name);
    }

    /** n images drawn at random without replacement; the same seed gives the same images. */
    public ImageSet sample(int n, long seed) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot sample " + n + " images from " + size());
        }
        int[] order = shuffled(size(), seed);
        return select(Arrays.copyOf(order, n), name);
    }

    /** The images at these indices, in this order. */
    public ImageSet select(int[] indices, String newName) {
        int n = rows * cols;
        byte[] px = new byte[indices.length * n];
        byte[] lb = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            checkIndex(indices[k]);
            System.arraycopy(pixels, indices[k] * n, px, k * n, n);
            lb[k] = labels[indices[k]];
        }
        return new ImageSet(newName, rows, cols, px, lb, classNames);
    }

    /** Features [n, rows*cols] scaled to 0..1 and one-hot labels [n, classes]. */
    public DataSet toDataSet() {
        int n = size();
        int d = rows * cols;
        float[] f = new float[n * d];
        for (int k = 0; k < f.length; k++) {
            f[k] = (pixels[k] & 0xff) / 255f;
        }
        INDArray features = Nd4j.create(f, new long[]{n, d}, DataType.FLOAT);
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, n, numClasses());
        for (int i = 0; i < n; i++) {
            oneHot.putScalar(i, labels[i] & 0xff, 1f);
        }
        return new DataSet(features, oneHot);
    }

    /** Mini-batches of this set in a fixed order (shuffle first with {@link #sample} if needed). */
    public DataSetIterator batches(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        List<DataSet> list = new ArrayList<>(toDataSet().batchBy(batchSize));
        return new ExistingDataSetIterator(list);
    }

    /** A grid of the first {@code count} images with their labels. */
    public ImageGrid grid(int count) {
        return ImageGrid.of(this, Math.min(count, size()));
    }

    @Override
    public String toString() {
        return name + ": " + size() + " images " + rows + "x" + cols + ", " + numClasses() + " classes";
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("image " + i + " does not exist: " + name + " has " + size()
                    + " images (0.." + (size() - 1) + ")");
        }
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    static int[] shuffled(int n, long seed) {
        int[] order = range(n);
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
