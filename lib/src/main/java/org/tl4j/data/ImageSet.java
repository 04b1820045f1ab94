package org.tl4j.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.course.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Grey-scale images with integer labels, kept as bytes (0-255) until a network needs them.
 * Every selection returns a new ImageSet and leaves this one unchanged.
 */
public final class ImageSet {
    private static final Messages TEXT = Messages.of(ImageSet.class);
    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;

    public ImageSet(String name, int rows, int cols, byte[] pixels, byte[] labels, List<String> classNames) {
        if (pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException(TEXT.get("ImageSet.pixelsDoNotFit",
                    pixels.length, labels.length, rows, cols, (long) labels.length * rows * cols));
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
            throw new IllegalArgumentException(TEXT.get("ImageSet.cannotSample", n, size()));
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

    /**
     * Only these classes, relabelled 0..k-1 in the order given: {@code classes(5, 6, 7, 8, 9)} turns
     * digits 5-9 into a five-class task whose label 0 is the digit 5.
     */
    public ImageSet classes(int... keep) {
        if (keep.length == 0) {
            throw new IllegalArgumentException(TEXT.get("ImageSet.nameAClass"));
        }
        int[] newLabel = new int[numClasses()];
        java.util.Arrays.fill(newLabel, -1);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < keep.length; k++) {
            int c = keep[k];
            if (c < 0 || c >= numClasses()) {
                throw new IllegalArgumentException(TEXT.get("ImageSet.noSuchClass",
                        c, name, numClasses() - 1, classNames));
            }
            if (newLabel[c] >= 0) {
                throw new IllegalArgumentException(TEXT.get("ImageSet.classNamedTwice", c));
            }
            newLabel[c] = k;
            names.add(classNames.get(c));
        }
        int n = rows * cols;
        int count = 0;
        for (byte l : labels) {
            count += newLabel[l & 0xff] >= 0 ? 1 : 0;
        }
        byte[] px = new byte[count * n];
        byte[] lb = new byte[count];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            int nl = newLabel[labels[i] & 0xff];
            if (nl >= 0) {
                System.arraycopy(pixels, i * n, px, j * n, n);
                lb[j++] = (byte) nl;
            }
        }
        return new ImageSet(name + " " + names, rows, cols, px, lb, names);
    }

    /** Exactly {@code n} images of every class, drawn at random with this seed, classes interleaved. */
    public ImageSet perClass(int n, long seed) {
        return perClassParts(seed, n).get(0);
    }

    /**
     * Disjoint parts with {@code counts[k]} images of every class in part k, drawn at random with this seed,
     * classes interleaved: e.g. training and validation images that share no image. Part 0 is the same as
     * {@code perClass(counts[0], seed)}.
     */
    public List<ImageSet> perClassParts(long seed, int... counts) {
        int total = 0;
        for (int n : counts) {
            if (n < 1) {
                throw new IllegalArgumentException(TEXT.get("ImageSet.perClassAtLeastOne", n));
            }
            total += n;
        }
        int[] available = classCounts();
        for (int c = 0; c < available.length; c++) {
            if (available[c] < total) {
                throw new IllegalArgumentException(TEXT.get("ImageSet.tooFewImages",
                        name, available[c], classNames.get(c), total));
            }
        }
        int[] order = shuffled(size(), seed);
        int[][] chosen = new int[numClasses()][total];
        int[] filled = new int[numClasses()];
        for (int i : order) {
            int c = labels[i] & 0xff;
            if (filled[c] < total) {
                chosen[c][filled[c]++] = i;
            }
        }
        List<ImageSet> parts = new ArrayList<>();
        int from = 0;
        for (int n : counts) {
            int[] indices = new int[n * numClasses()];
            for (int k = 0; k < n; k++) {
                for (int c = 0; c < numClasses(); c++) {
                    indices[k * numClasses() + c] = chosen[c][from + k];
                }
            }
            parts.add(select(indices, name));
            from += n;
        }
        return parts;
    }

    /** Two disjoint parts, each class split in the same proportion: e.g. training and validation. */
    public Split split(double firstFraction, long seed) {
        if (!(firstFraction > 0 && firstFraction < 1)) {
            throw new IllegalArgumentException(TEXT.get("ImageSet.fractionOutOfRange", firstFraction));
        }
        int[] order = shuffled(size(), seed);
        int[] counts = classCounts();
        int[] taken = new int[numClasses()];
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i : order) {
            int c = labels[i] & 0xff;
            if (taken[c] < Math.round(counts[c] * firstFraction)) {
                first.add(i);
                taken[c]++;
            } else {
                second.add(i);
            }
        }
        return new Split(select(first.stream().mapToInt(Integer::intValue).toArray(), name),
                select(second.stream().mapToInt(Integer::intValue).toArray(), name));
    }

    /** The two parts of {@link #split}. */
    public record Split(ImageSet first, ImageSet second) {
    }

    /** The same images and labels in another domain (rotated, inverted, noisy...). */
    public ImageSet shifted(Shift shift) {
        int n = rows * cols;
        byte[] px = new byte[pixels.length];
        for (int i = 0; i < size(); i++) {
            int[] out = shift.apply(pixels(i), rows, cols, i);
            for (int k = 0; k < n; k++) {
                px[i * n + k] = (byte) out[k];
            }
        }
        return new ImageSet(name + " (" + shift.name() + ")", rows, cols, px, labels, classNames);
    }

    /**
     * Data augmentation: these images followed by {@code copies} changed copies of them, each copy drawn
     * anew (copy c of image i is {@code shift} applied as image {@code c * size() + i}), labels kept.
     */
    public ImageSet augmented(Shift shift, int copies) {
        if (copies < 0) {
            throw new IllegalArgumentException(TEXT.get("ImageSet.copiesNegative", copies));
        }
        int n = rows * cols;
        int size = size();
        byte[] px = Arrays.copyOf(pixels, pixels.length * (copies + 1));
        byte[] lb = new byte[size * (copies + 1)];
        for (int c = 0; c <= copies; c++) {
            System.arraycopy(labels, 0, lb, c * size, size);
        }
        for (int c = 1; c <= copies; c++) {
            for (int i = 0; i < size; i++) {
                int[] out = shift.apply(pixels(i), rows, cols, (c - 1) * size + i);
                for (int k = 0; k < n; k++) {
                    px[(c * size + i) * n + k] = (byte) out[k];
                }
            }
        }
        return new ImageSet(name + " + " + copies + " \u00d7 " + shift.name(), rows, cols, px, lb, classNames);
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
            throw new IllegalArgumentException(TEXT.get("ImageSet.batchSizeAtLeastOne", batchSize));
        }
        List<DataSet> list = new ArrayList<>(toDataSet().batchBy(batchSize));
        return new ExistingDataSetIterator(list);
    }

    /** Mini-batches in a new random order every epoch (every reset), seeded. */
    public DataSetIterator shuffledBatches(int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(TEXT.get("ImageSet.batchSizeAtLeastOne", batchSize));
        }
        return new ShuffledBatches(toDataSet(), batchSize, seed);
    }

    @Override
    public String toString() {
        return name + ": " + size() + " images " + rows + "x" + cols + ", " + numClasses() + " classes";
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(TEXT.get("ImageSet.noSuchImage", i, name, size(), size() - 1));
        }
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** 0..n-1 in an order shuffled with the seed (Fisher-Yates): the same seed, the same order. */
    public static int[] shuffled(int n, long seed) {
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
