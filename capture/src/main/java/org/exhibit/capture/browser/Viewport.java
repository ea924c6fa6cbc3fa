package org.exhibit.capture.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser window's size in CSS pixels, at device scale 1.
 *
 * @param width  between 320 and 7680
 * @param height between 240 and 4320
 */
public record Viewport(int width, int height) {
    /** 1366x900, a common laptop screen. */
    public static final Viewport DEFAULT = new Viewport(1366, 900);
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    public Viewport {
        if (width < 320 || width > 7680 || height < 240 || height > 4320) {
            throw new IllegalArgumentException("expected a window between 320x240 and 7680x4320, got "
                    + width + "x" + height);
        }
    }

    /** Parses {@code "1366x900"}. */
    public static Viewport parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a window size like 1366x900, got '" + text + "'");
        }
        return new Viewport(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
