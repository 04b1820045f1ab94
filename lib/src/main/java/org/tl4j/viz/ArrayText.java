package org.tl4j.viz;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** INDArrays as their shape, data type and an aligned, truncated grid of values. */
public final class ArrayText {
    /** At most this many rows and columns are shown; the rest is elided with "...". */
    public static final int MAX_ROWS = 8;
    public static final int MAX_COLS = 8;
    /** Arrays of rank 3 and more show at most this many 2-D slices. */
    public static final int MAX_SLICES = 2;

    private ArrayText() {
    }

    public static Rendition rendition(INDArray a) {
        String text = text(a);
        return Rendition.text(text).withHtml("<pre>" + TableHtml.escape(text) + "</pre>");
    }

    public static String header(INDArray a) {
        return "INDArray " + Arrays.toString(a.shape()) + " " + a.dataType().name().toLowerCase();
    }

    public static String text(INDArray a) {
        StringBuilder s = new StringBuilder(header(a)).append('\n');
        if (a.isEmpty()) {
            return s.append("(empty)").toString();
        }
        int rank = a.rank();
        if (rank == 0) {
            double v = a.getDouble(0);
            return s.append(new NumberStyle(new double[]{v}).format(v)).toString();
        }
        if (rank <= 2) {
            return s.append(grid(rank == 1 ? a.reshape(1, a.length()) : a)).toString();
        }
        long[] shape = a.shape();
        long slices = a.length() / (shape[rank - 2] * shape[rank - 1]);
        INDArray flat = a.reshape(slices, shape[rank - 2], shape[rank - 1]);
        for (long i = 0; i < Math.min(slices, MAX_SLICES); i++) {
            s.append(sliceLabel(shape, i)).append('\n').append(grid(flat.slice(i))).append('\n');
        }
        if (slices > MAX_SLICES) {
            s.append("... ").append(slices - MAX_SLICES).append(" more slices");
        }
        return s.toString().stripTrailing();
    }

    private static String sliceLabel(long[] shape, long index) {
        long[] idx = new long[shape.length - 2];
        long rest = index;
        for (int d = idx.length - 1; d >= 0; d--) {
            idx[d] = rest % shape[d];
            rest /= shape[d];
        }
        StringBuilder s = new StringBuilder("[");
        for (long i : idx) {
            s.append(i).append(", ");
        }
        return s.append(":, :]").toString();
    }

    private static String grid(INDArray m) {
        long rows = m.rows();
        long cols = m.columns();
        List<Long> rowIdx = pick(rows, MAX_ROWS);
        List<Long> colIdx = pick(cols, MAX_COLS);
        double[] shown = new double[rowIdx.size() * colIdx.size()];
        int k = 0;
        for (long ri : rowIdx) {
            for (long ci : colIdx) {
                shown[k++] = (ri < 0 || ci < 0) ? 0 : m.getDouble(ri, ci);
            }
        }
        NumberStyle style = new NumberStyle(shown);
        String[][] cells = new String[rowIdx.size()][colIdx.size()];
        int[] width = new int[colIdx.size()];
        for (int r = 0; r < rowIdx.size(); r++) {
            for (int c = 0; c < colIdx.size(); c++) {
                long ri = rowIdx.get(r);
                long ci = colIdx.get(c);
                cells[r][c] = (ri < 0 || ci < 0) ? "..." : style.format(shown[r * colIdx.size() + c]);
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < cells.length; r++) {
            s.append(r == 0 ? "[[" : " [");
            for (int c = 0; c < cells[r].length; c++) {
                String cell = cells[r][c];
                s.append(" ".repeat(width[c] - cell.length())).append(cell);
                if (c < cells[r].length - 1) {
                    s.append(", ");
                }
            }
            s.append(r == cells.length - 1 ? "]]" : "],\n");
        }
        return s.toString();
    }

    /** The indices shown along one axis; -1 stands for the elided middle. */
    private static List<Long> pick(long n, int max) {
        List<Long> out = new ArrayList<>();
        if (n <= max) {
            for (long i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        int head = max / 2;
        int tail = max - head - 1;
        for (long i = 0; i < head; i++) {
            out.add(i);
        }
        out.add(-1L);
        for (long i = n - tail; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** One format for all values shown, as NumPy does: integers, fixed decimals or scientific. */
    static final class NumberStyle {
        private final boolean integers;
        private final boolean scientific;

        NumberStyle(double[] values) {
            boolean ints = true;
            double maxAbs = 0;
            double minAbs = Double.MAX_VALUE;
            for (double v : values) {
                double abs = Math.abs(v);
                ints &= Double.isFinite(v) && Math.abs(v - Math.rint(v)) <= 1e-6 * Math.max(1, abs) && abs < 1e9;
                if (Double.isFinite(v)) {
                    maxAbs = Math.max(maxAbs, abs);
                    if (abs > 0) {
                        minAbs = Math.min(minAbs, abs);
                    }
                }
            }
            integers = ints;
            scientific = !ints && (maxAbs >= 1e6 || (minAbs < 1e-4 && maxAbs < 1e-2));
        }

        String format(double v) {
            if (!Double.isFinite(v)) {
                return String.valueOf(v);
            }
            if (integers) {
                return String.valueOf(Math.round(v));
            }
            return String.format(java.util.Locale.ROOT, scientific ? "%.3e" : "%.4f", v);
        }
    }
}
