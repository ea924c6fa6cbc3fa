package org.exhibit.metadata.pdq;

/**
 * A one-dimensional moving average, the building block of the Jarosz tent filter. With a window of W and
 * H = (W + 2) / 2, output k is the mean of inputs k - (W - H) .. k + H - 1 that exist, so the window is
 * centred (leaning right for even W) and shrinks at both ends instead of padding.
 */
final class BoxFilter {
    private BoxFilter() {
    }

    /**
     * Filters {@code length} values of {@code in}, starting at {@code offset} and {@code stride} apart, into
     * the same positions of {@code out}.
     */
    static void apply(float[] in, float[] out, int offset, int stride, int length, int window) {
        int half = (window + 2) / 2;
        int behind = window - half;
        int ahead = half - 1;
        float sum = 0;
        int count = 0;
        // prime the sum with inputs 0 .. ahead-1 (those ahead of output 0, minus the last one)
        for (int i = 0; i < Math.min(ahead, length); i++) {
            sum += in[offset + i * stride];
            count++;
        }
        for (int k = 0; k < length; k++) {
            int enter = k + ahead;
            if (enter < length) {
                sum += in[offset + enter * stride];
                count++;
            }
            int leave = k - behind - 1;
            if (leave >= 0) {
                sum -= in[offset + leave * stride];
                count--;
            }
            out[offset + k * stride] = sum / count;
        }
    }
}
