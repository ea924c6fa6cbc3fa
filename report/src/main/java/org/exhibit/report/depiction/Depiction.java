package org.exhibit.report.depiction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * An image as a report depicts it: a new picture computed from the evidence, never the evidence's bytes.
 * A blurred depiction holds only the reduced copy (at most 32 pixels on its longer side); reports enlarge it
 * for display without smoothing, so it shows as coarse blocks.
 *
 * @param image        the pixels to embed (RGB)
 * @param mode         blurred or shown
 * @param sourceWidth  the evidence image's width in pixels
 * @param sourceHeight the evidence image's height in pixels
 */
public record Depiction(BufferedImage image, ImageMode mode, int sourceWidth, int sourceHeight) {
    public static final String BLURRED_LABEL =
            "Blurred: may show intimate content — use --show-images to display";

    public boolean blurred() {
        return mode == ImageMode.BLURRED;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The label printed under the image. */
    public String label() {
        return blurred() ? BLURRED_LABEL
                : "Shown at reduced size (--show-images); original " + sourceWidth + " × " + sourceHeight + " px";
    }

    /** PNG for a blurred depiction (a few hundred bytes); JPEG for a shown one, to keep reports of many captures small. */
    public String mediaType() {
        return blurred() ? "image/png" : "image/jpeg";
    }

    /** The depiction encoded as {@link #mediaType()}, for embedding as a data: URI. */
    public byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, blurred() ? "png" : "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
