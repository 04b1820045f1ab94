package org.tl4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.tl4j.backend.HostFloats;
import org.tl4j.course.Messages;

import java.util.List;

/**
 * Mini-batches of one DataSet (its feature mask included), reshuffled at every reset with seed +
 * epoch: the same seed, the same run.
 */
public final class ShuffledBatches implements DataSetIterator {
    private static final Messages TEXT = Messages.of(ShuffledBatches.class);
    private final DataSet all;
    private final int batch;
    private final long seed;
    private int epoch;
    private int[] order;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    ShuffledBatches(DataSet all, int batch, long seed) {
        this.all = all;
        this.batch = batch;
        this.seed = seed;
        reshuffle();
    }

    public static DataSetIterator of(DataSet all, int batch, long seed) {
        if (batch < 1) {
            throw new IllegalArgumentException(TEXT.get("ImageSet.batchSizeAtLeastOne", batch));
        }
        return new ShuffledBatches(all, batch, seed);
    }

    private void reshuffle() {
        order = ImageSet.shuffled(all.numExamples(), seed * 31 + epoch);
        cursor = 0;
    }

    @Override
    public DataSet next(int num) {
        int end = Math.min(order.length, cursor + num);
        int[] rows = java.util.Arrays.copyOfRange(order, cursor, end);
        cursor = end;
        INDArray mask = all.getFeaturesMaskArray();
        DataSet ds = new DataSet(HostFloats.rows(all.getFeatures(), rows), HostFloats.rows(all.getLabels(), rows),
                mask == null ? null : HostFloats.rows(mask, rows), null);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public void reset() {
        epoch++;
        reshuffle();
    }

    @Override
    public int inputColumns() {
        return (int) all.getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) all.getLabels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
