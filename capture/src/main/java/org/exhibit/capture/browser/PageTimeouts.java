package org.exhibit.capture.browser;

import java.time.Duration;

/**
 * The bounds of the page steps; none of them can hang a capture.
 *
 * @param navigate   page load (navigation to the load event); when it runs out the capture is partial
 * @param idle       longest wait for the network to go quiet, after loading and after scrolling
 * @param quiet      how long no request may be in flight to call the network idle
 * @param scroll     longest time spent scrolling down (clicks on "load more" controls included)
 * @param maxScreens stop scrolling after this many screens (infinite feeds); the defaults, 200 screens and 60 s,
 *                   suit a social feed
 * @param step       each other step (screenshots, DOM, MHTML, PDF, console)
 */
public record PageTimeouts(Duration navigate, Duration idle, Duration quiet, Duration scroll, int maxScreens,
                           Duration step) {
    public static final PageTimeouts DEFAULT = new PageTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMillis(500), Duration.ofSeconds(60), 200, Duration.ofSeconds(30));

    public PageTimeouts {
        for (Duration d : new Duration[] {navigate, idle, quiet, scroll, step}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("expected positive page timeouts, got " + d);
            }
        }
        if (maxScreens < 1) {
            throw new IllegalArgumentException("expected at least 1 screen to scroll, got " + maxScreens);
        }
    }

    /** The same bounds with the page-load timeout set to {@code navigate}. */
    public PageTimeouts withNavigate(Duration navigate) {
        return new PageTimeouts(navigate, idle, quiet, scroll, maxScreens, step);
    }

    /** The same bounds with scrolling limited to {@code maxScreens} screens and {@code scroll}. */
    public PageTimeouts withScroll(int maxScreens, Duration scroll) {
        return new PageTimeouts(navigate, idle, quiet, scroll, maxScreens, step);
    }
}
