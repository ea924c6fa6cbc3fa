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

    /** The depiction encoded as PNG, for embedding as a data: URI. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
