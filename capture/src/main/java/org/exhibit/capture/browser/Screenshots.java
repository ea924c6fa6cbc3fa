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

    /** The whole page, beyond the viewport, cut at {@code maxHeight} (reported to {@code partial}). */
    static byte[] fullPage(BrowserSession session, int maxHeight, Consumer<String> partial) {
        Map<String, Object> metrics = session.cdp("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        long width = (long) Math.ceil(Scroller.num(size.get("width")));
        long height = (long) Math.ceil(Scroller.num(size.get("height")));
        if (height > maxHeight) {
            partial.accept("the page is " + height + " px tall; the full-page screenshot shows the first " + maxHeight);
            height = maxHeight;
        }
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        return PageSteps.base64(session.cdp("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data"));
    }
}
