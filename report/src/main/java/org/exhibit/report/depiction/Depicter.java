package org.exhibit.report.depiction;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Computes depictions from evidence images in bounded memory: the image is decoded subsampled (a 30,000-pixel
 * full-page screenshot never lands in memory whole), then reduced. In {@link ImageMode#BLURRED} the result is
 * at most {@value #BLUR_MAX} pixels on its longer side.
 *
 * <pre>{@code
 * Optional<Depiction> d = new Depicter(ImageMode.BLURRED).depict(files.open("data/files/0001/photo.jpg"));
 * }</pre>
 */
public final class Depicter {
    /** The longest side of the copy a blurred depiction is made from. */
    public static final int BLUR_MAX = 32;
    /** Longest side decoded before reducing to {@link #BLUR_MAX}: enough for a fair average of each block. */
    private static final int BLUR_READ = 256;
    private static final int SHOW_MAX_WIDTH = 1000;
    private static final int SHOW_MAX_HEIGHT = 1400;
    private static final long MAX_PIXELS = 500_000_000L;

    private final ImageMode mode;

    public Depicter(ImageMode mode) {
        this.mode = mode;
    }

    /**
     * Depicts the image in {@code in} (PNG, JPEG, GIF, BMP); empty when it is not an image ImageIO can
     * decode or is larger than 500 megapixels. Does not close {@code in}.
     */
    public Optional<Depiction> depict(InputStream in) throws IOException {
        return depict(in, 0);
    }

    /**
     * As {@link #depict(InputStream)}, turning the depiction upright for the EXIF {@code orientation} (1-8; 0
     * when unknown) recorded for the image.
     */
    public Optional<Depiction> depict(InputStream in, int orientation) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(w, h);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                BufferedImage reduced = mode == ImageMode.BLURRED ? fit(decoded, BLUR_MAX, BLUR_MAX)
                        : fit(decoded, SHOW_MAX_WIDTH, SHOW_MAX_HEIGHT);
                return Optional.of(new Depiction(Orientation.upright(reduced, orientation), mode, w, h));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private int subsampling(int w, int h) {
        double ratio = mode == ImageMode.BLURRED ? Math.max(w, h) / (double) BLUR_READ
                : Math.max(w / (double) SHOW_MAX_WIDTH, h / (double) SHOW_MAX_HEIGHT) / 2;
        return Math.max(1, (int) Math.floor(ratio));
    }

    /** Scales down to fit the box, each output pixel the mean of its source box; transparency onto white. */
    static BufferedImage fit(BufferedImage src, int maxW, int maxH) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        double scale = Math.min(1.0, Math.min(maxW / (double) sw, maxH / (double) sh));
        int w = Math.max(1, (int) Math.round(sw * scale));
        int h = Math.max(1, (int) Math.round(sh * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[sw];
        long[] sum = new long[w * 3];
        int[] count = new int[w];
        for (int y = 0, sy = 0; y < h; y++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            int syEnd = Math.max(sy + 1, (int) Math.round((y + 1) * (double) sh / h));
            for (; sy < syEnd && sy < sh; sy++) {
                src.getRGB(0, sy, sw, 1, row, 0, sw);
                for (int sx = 0; sx < sw; sx++) {
                    int x = Math.min(w - 1, (int) ((long) sx * w / sw));
                    int argb = row[sx];
                    int a = argb >>> 24;
                    sum[x * 3] += blendOnWhite((argb >> 16) & 0xff, a);
                    sum[x * 3 + 1] += blendOnWhite((argb >> 8) & 0xff, a);
                    sum[x * 3 + 2] += blendOnWhite(argb & 0xff, a);
                    count[x]++;
                }
            }
            for (int x = 0; x < w; x++) {
                int n = Math.max(1, count[x]);
                out.setRGB(x, y, (int) (sum[x * 3] / n) << 16 | (int) (sum[x * 3 + 1] / n) << 8 | (int) (sum[x * 3 + 2] / n));
            }
        }
        return out;
    }

    private static int blendOnWhite(int c, int alpha) {
        return (c * alpha + 255 * (255 - alpha)) / 255;
    }
}
