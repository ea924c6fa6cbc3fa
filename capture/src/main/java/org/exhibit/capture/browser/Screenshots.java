package org.exhibit.capture.browser;

import java.util.Map;
import java.util.function.Consumer;

/** PNG screenshots through CDP {@code Page.captureScreenshot}, at device scale 1. */
final class Screenshots {
    private Screenshots() {
    }

    /** The first screen, as a person opening the URL sees it. */
    static byte[] viewport(BrowserSession session) {
        return PageSteps.base64(session.cdp("Page.captureScreenshot", Map.of("format", "png")).get("data"));
    }

    /**
     * The whole page, beyond the viewport, cut at {@code maxHeight} (reported to {@code partial}). A page that
     * fits in the first screen, seen from the top, is that screen: {@code firstScreen} (the {@link #viewport}
     * screenshot just taken, or null) is returned instead of rendering the same pixels again.
     */
    static byte[] fullPage(BrowserSession session, int maxHeight, Consumer<String> partial, byte[] firstScreen) {
        Map<String, Object> metrics = session.cdp("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        long width = (long) Math.ceil(Scroller.num(size.get("width")));
        long height = (long) Math.ceil(Scroller.num(size.get("height")));
        if (firstScreen != null && fitsFirstScreen(metrics, width, height)) {
            return firstScreen;
        }
        if (height > maxHeight) {
            partial.accept("the page is " + height + " px tall; the full-page screenshot shows the first " + maxHeight);
            height = maxHeight;
        }
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        return PageSteps.base64(session.cdp("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data"));
    }

    /** The page is exactly the layout viewport and is scrolled to its top left. */
    static boolean fitsFirstScreen(Map<String, Object> metrics, long width, long height) {
        if (!(metrics.get("cssLayoutViewport") instanceof Map<?, ?> layout)) {
            return false;
        }
        return Scroller.num(layout.get("pageX")) == 0 && Scroller.num(layout.get("pageY")) == 0
                && width == (long) Scroller.num(layout.get("clientWidth"))
                && height == (long) Scroller.num(layout.get("clientHeight"));
    }
}
