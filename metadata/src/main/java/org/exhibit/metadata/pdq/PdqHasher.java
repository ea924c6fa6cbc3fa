package org.exhibit.metadata.pdq;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ, Meta's 256-bit perceptual image hash, as published in the ThreatExchange {@code pdq} reference:
 * luminance; two passes of Jarosz box filters (a tent filter) with windows of ceil(dimension / 128);
 * decimation to 64x64 at pixel centres; the 16x16 lowest non-DC frequencies of a 2-D DCT; one bit per
 * coefficient above their median. Quality is the reference's gradient-sum heuristic on the 64x64 image.
 *
 * <pre>{@code
 * PdqHasher pdq = new PdqHasher();
 * PdqHash a = pdq.hash(Luma.of(ImageIO.read(file)));
 * Map<Dihedral, PdqHash> all = pdq.dihedral(luma);       // the eight rotations and flips, one pass
 * boolean same = a.distance(b) <= PdqHash.MATCH_THRESHOLD;
 * }</pre>
 * Decoding files (EXIF orientation, CMYK, memory budget) is {@link PdqImageReader}'s work. Thread-safe.
 */
public final class PdqHasher {
    private static final int WINDOW_DIVISOR = 128;
    private static final float[][] DCT = dctMatrix();

    /** Hash of an image as decoded. */
    public PdqHash hash(BufferedImage image) {
        return hash(Luma.of(image));
    }

    public PdqHash hash(Luma luma) {
        return dihedral(luma, false).get(Dihedral.ORIGINAL);
    }

    /** The hashes of the image under all eight rotations and flips, computed from one DCT. */
    public Map<Dihedral, PdqHash> dihedral(Luma luma) {
        return dihedral(luma, true);
    }

    private Map<Dihedral, PdqHash> dihedral(Luma luma, boolean all) {
        float[][] small = downsample(luma);
        int quality = quality(small);
        float[][] dct = dct64To16(small);
        Map<Dihedral, PdqHash> out = new EnumMap<>(Dihedral.class);
        for (Dihedral d : all ? Dihedral.values() : new Dihedral[] {Dihedral.ORIGINAL}) {
            out.put(d, bits(d == Dihedral.ORIGINAL ? dct : d.applyToDct(dct), quality));
        }
        return out;
    }

    /**
     * Tent-filters (two X,Y passes of box filters) and samples the 64x64 pixel centres. The filters along
     * rows and along columns act on different axes, so they commute, and only the sampled pixels are needed:
     * the first column pass covers the image, the second only the 64 sampled rows; those rows are transposed
     * and the two row passes run as column passes too, the second only at the 64 sampled columns. A column
     * pass walks memory in order and its additions do not wait on one another, unlike a pass along a row.
     * The result differs from the reference's order of passes only by float rounding.
     */
    static float[][] downsample(Luma luma) {
        int rows = luma.rows();
        int cols = luma.cols();
        int windowAlongRows = (cols + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
        int windowAlongCols = (rows + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
        float[] once = new float[rows * cols];
        BoxFilter.applyColumns(luma.values(), once, rows, cols, windowAlongCols);
        float[] sampledRows = new float[64 * cols];
        for (int i = 0; i < 64; i++) {
            BoxFilter.meanAt(once, rows, cols, windowAlongCols, (int) (((i + 0.5) * rows) / 64), sampledRows, i * cols);
        }
        float[] across = new float[cols * 64];
        for (int i = 0; i < 64; i++) {
            for (int c = 0; c < cols; c++) {
                across[c * 64 + i] = sampledRows[i * cols + c];
            }
        }
        float[] acrossOnce = new float[cols * 64];
        BoxFilter.applyColumns(across, acrossOnce, cols, 64, windowAlongRows);
        float[] sampled = new float[64];
        float[][] out = new float[64][64];
        for (int j = 0; j < 64; j++) {
            BoxFilter.meanAt(acrossOnce, cols, 64, windowAlongRows, (int) (((j + 0.5) * cols) / 64), sampled, 0);
            for (int i = 0; i < 64; i++) {
                out[i][j] = sampled[i];
            }
        }
        return out;
    }

    /** The reference's heuristic: the sum of quantised neighbour differences, scaled to 0-100. */
    static int quality(float[][] m) {
        int sum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                sum += Math.abs((int) (((m[i][j] - m[i + 1][j]) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                sum += Math.abs((int) (((m[i][j] - m[i][j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, sum / 90);
    }

    /** B = D A D^T, where D holds DCT-II rows 1-16 (the DC row 0 is left out). */
    static float[][] dct64To16(float[][] a) {
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float s = 0;
                for (int k = 0; k < 64; k++) {
                    s += DCT[i][k] * a[k][j];
                }
                t[i][j] = s;
            }
        }
        float[][] out = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float s = 0;
                for (int k = 0; k < 64; k++) {
                    s += t[i][k] * DCT[j][k];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** Bit (i, j) is set when coefficient (i, j) exceeds the median (the 128th smallest) of all 256. */
    static PdqHash bits(float[][] dct, int quality) {
        float[] sorted = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(dct[i], 0, sorted, i * 16, 16);
        }
        Arrays.sort(sorted);
        float median = sorted[127];
        int[] words = new int[16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                if (dct[i][j] > median) {
                    words[i] |= 1 << j;
                }
            }
        }
        return PdqHash.ofWords(words, quality);
    }

    private static float[][] dctMatrix() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        float[][] d = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }
}
