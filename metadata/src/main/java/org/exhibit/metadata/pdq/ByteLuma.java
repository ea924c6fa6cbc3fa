package org.exhibit.metadata.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Luminance read straight from the pixel bytes of the layouts the JPEG, PNG and WebP decoders produce:
 * 8-bit sRGB (with or without alpha, in any channel order) and 8-bit grey. Gives the values
 * {@link BufferedImage#getRGB} would lead to, without a method call and a colour-model lookup per pixel.
 * When reducing, the channels of each block are summed as integers and weighted once per block.
 */
final class ByteLuma {
    private ByteLuma() {
    }

    /** The luminance averaged over {@code factor x factor} blocks, or null when the layout is another one. */
    static Luma of(BufferedImage img, int factor) {
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        boolean grey = cm.getNumColorComponents() == 1;
        if (!(cm instanceof ComponentColorModel) || cm.isAlphaPremultiplied()
                || !(grey || cm.getColorSpace().isCS_sRGB())
                || !(raster.getSampleModel() instanceof ComponentSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1) {
            return null;
        }
        for (int c = 0; c < cm.getNumComponents(); c++) {
            if (cm.getComponentSize(c) != 8) {
                return null;
            }
        }
        int rows = img.getHeight();
        int cols = img.getWidth();
        int scanline = sm.getScanlineStride();
        int pixel = sm.getPixelStride();
        int[] band = sm.getBandOffsets();
        int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * scanline
                - raster.getSampleModelTranslateX() * pixel;
        byte[] data = buffer.getData();
        int r = band[0];
        int g = grey ? band[0] : band[1];
        int b = grey ? band[0] : band[2];
        if (factor == 1) {
            float[] out = new float[rows * cols];
            for (int y = 0; y < rows; y++) {
                row(data, origin + y * scanline, pixel, r, g, b, grey, out, y * cols, cols);
            }
            return new Luma(out, rows, cols);
        }
        int outRows = (rows + factor - 1) / factor;
        int outCols = (cols + factor - 1) / factor;
        float[] out = new float[outRows * outCols];
        float[] row = new float[cols];
        float[] columns = new float[cols]; // the current band of rows summed down each column
        for (int i = 0; i < outRows; i++) {
            int top = i * factor;
            int bottom = Math.min(rows, top + factor);
            java.util.Arrays.fill(columns, 0);
            for (int y = top; y < bottom; y++) {
                row(data, origin + y * scanline, pixel, r, g, b, grey, row, 0, cols);
                for (int x = 0; x < cols; x++) {
                    columns[x] += row[x];
                }
            }
            for (int j = 0, x = 0; j < outCols; j++) {
                float sum = 0;
                int end = Math.min(cols, x + factor);
                int n = (bottom - top) * (end - x);
                for (; x < end; x++) {
                    sum += columns[x];
                }
                out[i * outCols + j] = sum / n;
            }
        }
        return new Luma(out, outRows, outCols);
    }

    /** The luminance of {@code cols} pixels from byte {@code p} on, into {@code out} from {@code o} on. */
    private static void row(byte[] data, int p, int pixel, int r, int g, int b, boolean grey, float[] out, int o,
                            int cols) {
        if (grey) {
            for (int x = 0; x < cols; x++, p += pixel) {
                out[o + x] = data[p + r] & 0xff;
            }
        } else {
            for (int x = 0; x < cols; x++, p += pixel) {
                out[o + x] = Luma.R * (data[p + r] & 0xff) + Luma.G * (data[p + g] & 0xff)
                        + Luma.B * (data[p + b] & 0xff);
            }
        }
    }
}
