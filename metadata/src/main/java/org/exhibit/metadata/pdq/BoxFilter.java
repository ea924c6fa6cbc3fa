package org.exhibit.metadata.pdq;

/**
 * A moving average down the columns of an image, the building block of the Jarosz tent filter. With a window
 * of W and H = (W + 2) / 2, output k of a column is the mean of its inputs k - (W - H) .. k + H - 1 that
 * exist, so the window is centred (leaning right for even W) and shrinks at both ends instead of padding.
 * All columns advance together, a row at a time: memory is read in order and the additions of one column
 * do not wait on one another's, so the JIT can vectorise them.
 */
final class BoxFilter {
    private BoxFilter() {
    }

    /** Filters each column of the row-major {@code rows x cols} image {@code in} into {@code out}. */
    static void applyColumns(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        int behind = window - half;
        int ahead = half - 1;
        float[] sum = new float[cols];
        int count = 0;
        // prime the sums with rows 0 .. ahead-1 (those ahead of output row 0, minus the last one)
        for (int i = 0; i < Math.min(ahead, rows); i++) {
            add(sum, in, i * cols);
            count++;
        }
        for (int k = 0; k < rows; k++) {
            int enter = k + ahead;
            if (enter < rows) {
                add(sum, in, enter * cols);
                count++;
            }
            int leave = k - behind - 1;
            if (leave >= 0) {
                int from = leave * cols;
                for (int c = 0; c < cols; c++) {
                    sum[c] -= in[from + c];
                }
                count--;
            }
            int to = k * cols;
            for (int c = 0; c < cols; c++) {
                out[to + c] = sum[c] / count;
            }
        }
    }

    /**
     * Row {@code k} of what {@link #applyColumns} would output, alone: the mean of the input rows in its
     * window, written to {@code out[offset .. offset+cols-1]}.
     */
    static void meanAt(float[] in, int rows, int cols, int window, int k, float[] out, int offset) {
        int half = (window + 2) / 2;
        int first = Math.max(0, k - (window - half));
        int last = Math.min(rows - 1, k + half - 1);
        java.util.Arrays.fill(out, offset, offset + cols, 0f);
        for (int r = first; r <= last; r++) {
            int from = r * cols;
            for (int c = 0; c < cols; c++) {
                out[offset + c] += in[from + c];
            }
        }
        int count = last - first + 1;
        for (int c = 0; c < cols; c++) {
            out[offset + c] /= count;
        }
    }

    private static void add(float[] sum, float[] in, int from) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += in[from + c];
        }
    }
}
