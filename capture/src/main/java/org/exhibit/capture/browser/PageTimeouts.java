package org.exhibit.capture.browser;

import java.time.Duration;

/**
 * The bounds of the page steps; none of them can hang a capture.
 *
 * @param navigate   page load (navigation to the load event); when it runs out the capture is partial
 * @param idle       longest wait for the network to go quiet, after loading, after a click and after scrolling
 * @param quiet      how long no request may be in flight to call the network idle
 * @param scroll     longest time spent scrolling down (clicks on "load more" controls included)
 * @param maxScreens stop scrolling after this many screens (infinite feeds); the defaults, 200 screens and 60 s,
 *                   suit a social feed
 * @param step       each other step (screenshots, DOM, MHTML, PDF, console)
 * @param network    how long the page may keep the capture waiting on its network, in all, counted from the start
 *                   of the load: the load, and each wait for the network to go quiet (after loading, after a click,
 *                   after scrolling), takes at most what is left of it, so a page that never finishes (a body
 *                   that never comes, a long poll) ends partial after it instead of after each bound in turn;
 *                   at least {@code navigate}
 */
public record PageTimeouts(Duration navigate, Duration idle, Duration quiet, Duration scroll, int maxScreens,
                           Duration step, Duration network) {
    /** 20 s for the page's network in all (the load included), 10 s for each idle wait, 60 s and 200 screens of scrolling. */
    public static final PageTimeouts DEFAULT = new PageTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(10),
            Duration.ofMillis(500), Duration.ofSeconds(60), 200, Duration.ofSeconds(30), Duration.ofSeconds(20));

    public PageTimeouts {
        for (Duration d : new Duration[] {navigate, idle, quiet, scroll, step, network}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("expected positive page timeouts, got " + d);
            }
        }
        if (maxScreens < 1) {
            throw new IllegalArgumentException("expected at least 1 screen to scroll, got " + maxScreens);
        }
        network = network.compareTo(navigate) < 0 ? navigate : network;
    }

    /** Bounds whose network budget is the page-load timeout: the load may take it all, the idle waits what is left. */
    public PageTimeouts(Duration navigate, Duration idle, Duration quiet, Duration scroll, int maxScreens, Duration step) {
        this(navigate, idle, quiet, scroll, maxScreens, step, navigate);
    }

    /** The same bounds with the page-load timeout and the network budget both set to {@code navigate}. */
    public PageTimeouts withNavigate(Duration navigate) {
        return new PageTimeouts(navigate, idle, quiet, scroll, maxScreens, step, navigate);
    }

    /** The same bounds with scrolling limited to {@code maxScreens} screens and {@code scroll}. */
    public PageTimeouts withScroll(int maxScreens, Duration scroll) {
        return new PageTimeouts(navigate, idle, quiet, scroll, maxScreens, step, network);
    }
}
