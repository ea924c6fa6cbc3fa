package org.exhibit.metadata.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

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
        int rows = img.getHeight();
        int cols = img.getWidth();
        float[] out = new float[rows * cols];
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        boolean grey = !(cm instanceof IndexColorModel) && cm.getNumColorComponents() == 1;
        if (grey) {
            int bits = cm.getComponentSize(0);
            float scale = 255f / ((1 << bits) - 1);
            int[] row = new int[cols];
            for (int y = 0; y < rows; y++) {
                raster.getSamples(0, y, cols, 1, 0, row);
                for (int x = 0; x < cols; x++) {
                    out[y * cols + x] = row[x] * scale;
                }
            }
        } else {
            int[] row = new int[cols];
            for (int y = 0; y < rows; y++) {
                img.getRGB(0, y, cols, 1, row, 0, cols);
                for (int x = 0; x < cols; x++) {
                    int rgb = row[x];
                    out[y * cols + x] = R * ((rgb >> 16) & 0xff) + G * ((rgb >> 8) & 0xff) + B * (rgb & 0xff);
                }
            }
        }
        return new Luma(out, rows, cols);
    }

    /** This image rotated or flipped. */
    public Luma transform(Dihedral d) {
        return d == Dihedral.ORIGINAL ? this
                : new Luma(d.apply(values, rows, cols), d.transposes() ? cols : rows, d.transposes() ? rows : cols);
    }
}
