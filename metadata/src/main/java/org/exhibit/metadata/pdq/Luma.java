package org.exhibit.metadata.pdq;

import java.awt.image.BufferedImage;

/**
 * An image reduced to luminance, row-major, one float per pixel on a 0-255 scale.
 *
 * @param values {@code rows * cols} luminance values
 * @param rows   image height
 * @param cols   image width
 */
public record Luma(float[] values, int rows, int cols) {
    // Rec. 601 weights, as the PDQ reference uses.
    static final float R = 0.299f;
    static final float G = 0.587f;
    static final float B = 0.114f;

    public Luma {
        if (rows < 1 || cols < 1 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("expected " + rows + " x " + cols + " values, got " + values.length);
        }
    }

    /**
     * Luminance of a decoded image. Alpha is ignored (the colour under it is used), as the reference does,
     * so that hashes agree with other PDQ implementations. Grey images use their grey level directly,
     * without the gamma conversion {@link BufferedImage#getRGB} would apply to a linear grey colour space.
     */
    public static Luma of(BufferedImage img) {
        return of(img, 1);
    }

    /**
     * Luminance of a decoded image reduced by a whole {@code factor}: each value is the mean of a
     * {@code factor x factor} block (fewer pixels at the right and bottom edges). A box filter like the
     * ones PDQ applies next, so it changes the hash little while it divides the filtering work by factor².
     */
    public static Luma of(BufferedImage img, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("expected a reduction factor of at least 1, got " + factor);
        }
        Luma direct = ByteLuma.of(img, factor);
        return direct != null ? direct : averaged(LumaRows.of(img), img.getHeight(), img.getWidth(), factor);
    }

    /**
     * Luminance of packed 8-bit RGB pixels, three bytes a pixel and row after row without padding, as video
     * decoders hand out frames (ffmpeg's {@code rgb24}). The same weights and float arithmetic as the PDQ and
     * vPDQ references' {@code fillFloatLumaFromRGB}, at full size: the references hash video frames unreduced.
     */
    public static Luma ofRgb24(byte[] rgb, int width, int height) {
        if (width < 1 || height < 1 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("expected " + 3L * width * height + " bytes of RGB24 for " + width
                    + " x " + height + " pixels, got " + rgb.length);
        }
        float[] out = new float[width * height];
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = R * (rgb[p] & 0xff) + G * (rgb[p + 1] & 0xff) + B * (rgb[p + 2] & 0xff);
        }
        return new Luma(out, height, width);
    }

    /** The rows of a {@code rows x cols} image averaged over {@code factor x factor} blocks, read row by row. */
    static Luma averaged(LumaRows source, int rows, int cols, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("expected a reduction factor of at least 1, got " + factor);
        }
        int outRows = (rows + factor - 1) / factor;
        int outCols = (cols + factor - 1) / factor;
        float[] out = new float[outRows * outCols];
        float[] row = new float[cols];
        if (factor == 1) {
            for (int y = 0; y < rows; y++) {
                source.row(y, row);
                System.arraycopy(row, 0, out, y * cols, cols);
            }
            return new Luma(out, rows, cols);
        }
        for (int y = 0; y < rows; y++) {
            source.row(y, row);
            int base = (y / factor) * outCols;
            for (int j = 0, x = 0; j < outCols; j++) {
                float sum = 0;
                for (int end = Math.min(x + factor, cols); x < end; x++) {
                    sum += row[x];
                }
                out[base + j] += sum;
            }
        }
        for (int i = 0; i < outRows; i++) {
            int h = Math.min(factor, rows - i * factor);
            for (int j = 0; j < outCols; j++) {
                out[i * outCols + j] /= h * Math.min(factor, cols - j * factor);
            }
        }
        return new Luma(out, outRows, outCols);
    }

    /** This image rotated or flipped. */
    public Luma transform(Dihedral d) {
        return d == Dihedral.ORIGINAL ? this
                : new Luma(d.apply(values, rows, cols), d.transposes() ? cols : rows, d.transposes() ? rows : cols);
    }
}
