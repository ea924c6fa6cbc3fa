package org.exhibit.metadata.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Luminance of a decoded image, one row at a time, so that an image can be reduced while it is read. This
 * is the general path, through {@link BufferedImage#getRGB}; {@link ByteLuma} reads the common byte layouts
 * directly.
 */
@FunctionalInterface
interface LumaRows {
    /** Fills {@code out[0 .. width-1]} with the luminance (0-255) of row {@code y}. */
    void row(int y, float[] out);

    /** The rows of {@code img}; alpha is ignored, grey levels are taken as they are (no gamma). */
    static LumaRows of(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        int cols = img.getWidth();
        if (!(cm instanceof IndexColorModel) && cm.getNumColorComponents() == 1) {
            float scale = 255f / ((1 << cm.getComponentSize(0)) - 1);
            int[] samples = new int[cols];
            return (y, out) -> {
                raster.getSamples(0, y, cols, 1, 0, samples);
                for (int x = 0; x < cols; x++) {
                    out[x] = samples[x] * scale;
                }
            };
        }
        int[] rgb = new int[cols];
        return (y, out) -> {
            img.getRGB(0, y, cols, 1, rgb, 0, cols);
            for (int x = 0; x < cols; x++) {
                int p = rgb[x];
                out[x] = Luma.R * ((p >> 16) & 0xff) + Luma.G * ((p >> 8) & 0xff) + Luma.B * (p & 0xff);
            }
        };
    }
}
