package org.exhibit.report.depiction;

import java.awt.image.BufferedImage;

/**
 * EXIF orientation (1-8), applied to a depiction so that a phone photo stands upright in the report as it does
 * in a photo viewer. Applied to the reduced copy, never to the evidence.
 */
final class Orientation {
    private Orientation() {
    }

    /** The image turned as EXIF orientation {@code o} says; unchanged for 1, 0 or anything unknown. */
    static BufferedImage upright(BufferedImage src, int o) {
        if (o < 2 || o > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = o >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (o) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                out.setRGB(dx, dy, src.getRGB(x, y));
            }
        }
        return out;
    }
}
