package org.exhibit.capture.browser;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.exhibit.capture.interact.Control;

/**
 * Scrolls down a screen at a time so that lazy images and infinite feeds load, until the bottom stays put, the
 * screen limit or the time limit is reached; then back to the top. A page that fits in one screen is not scrolled:
 * everything on it is already in view. The limits hold across calls: a feed scrolled, its "load more" control
 * clicked, and scrolled again counts its screens and seconds from the first call.
 */
final class Scroller {
    /**
     * After each screen: lazy images (the browser's own loading="lazy", IntersectionObserver scripts) start within a
     * frame or two of coming into view, and the wait for the network after scrolling lets them finish.
     */
    private static final long PAUSE_MS = 100;
    /** At the bottom, before looking again: for a feed that appends more once the end is in view. */
    private static final long SETTLE_MS = 600;
    private static final String STEP = "window.scrollBy(0, window.innerHeight);"
            + "const e = document.scrollingElement || document.documentElement;"
            + "return [window.scrollY, window.innerHeight, Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0)];";
    private static final String HEIGHT = "const e = document.scrollingElement || document.documentElement;"
            + "return Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0);";
    private static final String FITS = "const e = document.scrollingElement || document.documentElement;"
            + "return Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0) <= window.innerHeight + 1;";

    /** Where a call stopped, and the control to click before the next call (with {@link Stop#LOAD_MORE}). */
    record Scrolled(Stop stop, int screens, Control next) {
    }

    enum Stop { FITS, END, LOAD_MORE, SCREENS, TIME, STUCK }

    private final BrowserSession session;
    private final PageTimeouts timeouts;
    private Instant deadline;
    private int screens = 1;

    Scroller(BrowserSession session, PageTimeouts timeouts) {
        this.session = session;
        this.timeouts = timeouts;
    }

    /**
     * Scrolls on from where the page is. At the bottom, {@code loadMore} (when not null) is asked for a control
     * that would load more: if {@code click} the call stops there, still scrolled down, to have it clicked;
     * otherwise it is reported as left. Says where and why it stopped to {@code note}, or to {@code partial} when
     * a limit cut the page short.
     */
    Scrolled run(Consumer<String> partial, Consumer<String> note, Supplier<Control> loadMore, boolean click)
            throws InterruptedException {
        if (deadline == null && Boolean.TRUE.equals(session.script(FITS)) && (loadMore == null || loadMore.get() == null)) {
            note.accept("the page fits in one screen");
            return new Scrolled(Stop.FITS, 1, null);
        }
        if (deadline == null) {
            deadline = Instant.now().plus(timeouts.scroll());
        }
        Scrolled out = null;
        try {
            double lastY = -1;
            while (true) {
                List<?> pos = (List<?>) session.script(STEP);
                Thread.sleep(PAUSE_MS);
                double y = num(pos.get(0));
                double bottom = y + num(pos.get(1));
                if (bottom >= num(pos.get(2)) - 1 || y == lastY) {
                    Thread.sleep(SETTLE_MS);
                    if (num(session.script(HEIGHT)) <= bottom + 1) {
                        Control more = loadMore == null ? null : loadMore.get();
                        if (more != null && click) {
                            note.accept("stopped at " + describe(more) + " after " + screens + " screens, to click it");
                            return out = new Scrolled(Stop.LOAD_MORE, screens, more);
                        }
                        if (more != null) {
                            partial.accept("end of page reached after " + screens + " screens, but " + describe(more)
                                    + " is left: the limit of load-more clicks was reached");
                        } else if (bottom >= num(pos.get(2)) - 1) {
                            note.accept("end of page reached after " + screens + " screens");
                        } else {
                            note.accept("the page stopped growing and scrolling after " + screens + " screens, at "
                                    + (long) bottom + " px of " + (long) num(pos.get(2)));
                        }
                        return out = new Scrolled(bottom >= num(pos.get(2)) - 1 ? Stop.END : Stop.STUCK, screens, null);
                    }
                }
                lastY = y;
                screens++;
                if (screens >= timeouts.maxScreens()) {
                    partial.accept("limit of " + timeouts.maxScreens() + " screens reached; the page goes on");
                    return out = new Scrolled(Stop.SCREENS, screens, null);
                }
                if (Instant.now().isAfter(deadline)) {
                    partial.accept("limit of " + StepRecorder.seconds(timeouts.scroll()) + " reached at " + screens
                            + " screens; the page goes on");
                    return out = new Scrolled(Stop.TIME, screens, null);
                }
            }
        } finally {
            if (out == null || out.stop() != Stop.LOAD_MORE) {
                session.script("window.scrollTo(0, 0);");
            }
        }
    }

    private static String describe(Control c) {
        return "\"" + c.text() + "\" at " + c.selector();
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
