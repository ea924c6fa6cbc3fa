package org.exhibit.metadata.pdq;

/**
 * The eight rotations and flips of an image, named as in the PDQ reference. Each is a transpose (or not)
 * followed by reversing the row order and/or the column order; because the DCT basis is symmetric, each
 * has an exact counterpart on the 16x16 DCT coefficients, so all eight hashes come from one image pass.
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    /** A quarter turn counter-clockwise. */
    ROTATE_90(true, true, false),
    ROTATE_180(false, true, true),
    /** A quarter turn clockwise. */
    ROTATE_270(true, false, true),
    /** Upside down: the row order reversed. */
    FLIP_X(false, true, false),
    /** Mirrored: the column order reversed. */
    FLIP_Y(false, false, true),
    /** Reflected about the main diagonal (transposed). */
    FLIP_PLUS_1(true, false, false),
    /** Reflected about the anti-diagonal. */
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean reverseRows;
    private final boolean reverseColumns;

    Dihedral(boolean transpose, boolean reverseRows, boolean reverseColumns) {
        this.transpose = transpose;
        this.reverseRows = reverseRows;
        this.reverseColumns = reverseColumns;
    }

    /**
     * The transform that shows an image upright given its EXIF orientation tag (1-8); anything else,
     * including the 0 some encoders write, means the pixels are already upright.
     */
    public static Dihedral uprightFromExifOrientation(int orientation) {
        return switch (orientation) {
            case 2 -> FLIP_Y;
            case 3 -> ROTATE_180;
            case 4 -> FLIP_X;
            case 5 -> FLIP_PLUS_1;
            case 6 -> ROTATE_270;
            case 7 -> FLIP_MINUS_1;
            case 8 -> ROTATE_90;
            default -> ORIGINAL;
        };
    }

    public boolean transposes() {
        return transpose;
    }

    /** Applies this transform to a row-major matrix of {@code rows x cols}; returns a new array. */
    float[] apply(float[] in, int rows, int cols) {
        if (this == ORIGINAL) {
            return in;
        }
        int outRows = transpose ? cols : rows;
        int outCols = transpose ? rows : cols;
        float[] out = new float[in.length];
        for (int r = 0; r < outRows; r++) {
            int tr = reverseRows ? outRows - 1 - r : r;
            for (int c = 0; c < outCols; c++) {
                int tc = reverseColumns ? outCols - 1 - c : c;
                out[r * outCols + c] = transpose ? in[tc * cols + tr] : in[tr * cols + tc];
            }
        }
        return out;
    }

    /**
     * The same transform on 16x16 DCT coefficients (frequencies 1-16): reversing an axis of 64 samples
     * multiplies frequency k by (-1)^k, and a transpose transposes the coefficients.
     */
    float[][] applyToDct(float[][] dct) {
        float[][] out = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = transpose ? dct[j][i] : dct[i][j];
                // index 0 is frequency 1, so even indices are odd frequencies, whose sign a reversal flips
                if (reverseRows && (i & 1) == 0) {
                    v = -v;
                }
                if (reverseColumns && (j & 1) == 0) {
                    v = -v;
                }
                out[i][j] = v;
            }
        }
        return out;
    }
}
