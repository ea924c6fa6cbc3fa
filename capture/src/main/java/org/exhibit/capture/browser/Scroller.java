package org.exhibit.capture.browser;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scrolls down a screen at a time so that lazy images and infinite feeds load, until the bottom stays put,
 * the screen limit or the time limit is reached; then back to the top. A page that fits in one screen is not
 * scrolled: everything on it is already in view.
 */
final class Scroller {
    private static final long PAUSE_MS = 200;
    private static final long SETTLE_MS = 600;
    private static final String STEP = "window.scrollBy(0, window.innerHeight);"
            + "const e = document.scrollingElement || document.documentElement;"
            + "return [window.scrollY, window.innerHeight, Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0)];";
    private static final String HEIGHT = "const e = document.scrollingElement || document.documentElement;"
            + "return Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0);";
    private static final String FITS = "const e = document.scrollingElement || document.documentElement;"
            + "return Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0) <= window.innerHeight + 1;";

    private final BrowserSession session;
    private final PageTimeouts timeouts;

    Scroller(BrowserSession session, PageTimeouts timeouts) {
        this.session = session;
        this.timeouts = timeouts;
    }

    /** Returns the number of screens scrolled; reports a hit limit to {@code partial}. */
    Integer run(Consumer<String> partial) throws InterruptedException {
        if (Boolean.TRUE.equals(session.script(FITS))) {
            return 1;
        }
        Instant deadline = Instant.now().plus(timeouts.scroll());
        int screens = 1;
        try {
            while (true) {
                List<?> pos = (List<?>) session.script(STEP);
                Thread.sleep(PAUSE_MS);
                double bottom = num(pos.get(0)) + num(pos.get(1));
                if (bottom >= num(pos.get(2)) - 1) {
                    Thread.sleep(SETTLE_MS);
                    if (num(session.script(HEIGHT)) <= bottom + 1) {
                        return screens;
                    }
                }
                screens++;
                if (screens >= timeouts.maxScreens()) {
                    partial.accept("stopped after " + screens + " screens; the page goes on");
                    return screens;
                }
                if (Instant.now().isAfter(deadline)) {
                    partial.accept("stopped after " + StepRecorder.seconds(timeouts.scroll()) + " at " + screens
                            + " screens; the page goes on");
                    return screens;
                }
            }
        } finally {
            session.script("window.scrollTo(0, 0);");
        }
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
