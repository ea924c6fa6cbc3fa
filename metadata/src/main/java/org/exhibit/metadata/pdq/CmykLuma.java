package org.exhibit.metadata.pdq;

import java.awt.image.Raster;

/**
 * Luminance of a four-channel (CMYK or YCCK) JPEG raster. The JDK's own CMYK conversion comes out far too
 * light, so these files are read as raw rasters and converted here. Adobe writes CMYK inverted (255 is no
 * ink) and flags that with its APP14 marker; in its transform 2 (YCCK) the YCbCr channels decode to the ink
 * amounts C, M, Y themselves while K stays inverted. The conversion is the naive one (no ICC profile):
 * exact enough for a perceptual hash.
 */
final class CmykLuma {
    private CmykLuma() {
    }

    /**
     * @param adobeInverted whether the file carries an Adobe APP14 marker (values stored inverted)
     * @param ycck          whether the Adobe transform is 2 (YCCK)
     */
    static Luma of(Raster raster, boolean adobeInverted, boolean ycck) {
        return Luma.averaged(rows(raster, adobeInverted, ycck), raster.getHeight(), raster.getWidth(), 1);
    }

    /** The raster's luminance row by row; parameters as for {@link #of}. */
    static LumaRows rows(Raster raster, boolean adobeInverted, boolean ycck) {
        int cols = raster.getWidth();
        int[] px = new int[cols * 4];
        return (y, out) -> {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, cols, 1, px);
            for (int x = 0; x < cols; x++) {
                float r;
                float g;
                float b;
                float k = px[4 * x + 3];
                if (ycck) {
                    // YCbCr -> "RGB" yields the ink amounts; their complement is the light that gets through
                    float yy = px[4 * x];
                    float cb = px[4 * x + 1] - 128f;
                    float cr = px[4 * x + 2] - 128f;
                    r = 255 - clamp(yy + 1.402f * cr);
                    g = 255 - clamp(yy - 0.344136f * cb - 0.714136f * cr);
                    b = 255 - clamp(yy + 1.772f * cb);
                } else if (adobeInverted) {
                    r = px[4 * x];
                    g = px[4 * x + 1];
                    b = px[4 * x + 2];
                } else {
                    r = 255 - px[4 * x];
                    g = 255 - px[4 * x + 1];
                    b = 255 - px[4 * x + 2];
                    k = 255 - k;
                }
                // k here is 255 for no black ink; scale each channel by it
                float f = k / 255f;
                out[x] = Luma.R * r * f + Luma.G * g * f + Luma.B * b * f;
            }
        };
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
