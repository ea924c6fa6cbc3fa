package org.exhibit.capture.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.exhibit.capture.interact.Control;

/**
 * Scrolls down a screen at a time so that lazy images and infinite feeds load, until the bottom stays put, the
 * screen limit or the time limit is reached; then back to the top. A page that fits in one screen is not scrolled:
 * everything on it is already in view. The limits hold across calls: a feed scrolled, its "load more" control
 * clicked, and scrolled again counts its screens and seconds from the first call.
 *
 * <p>At the bottom it settles: it waits for the network to be quiet for the quiet period counted from the last
 * scroll (so a feed that fetches more once its end is in view has started, and finished, its request), and at
 * least {@link #SETTLE_MIN_MS} (for a script that appends without the network), then looks at the height again.
 * When that settle saw a quiet network and the page stopped there, the call says since when
 * ({@link Scrolled#quietSince()}): the wait for the network after scrolling need not see that quiet again.
 */
final class Scroller {
    /**
     * After each screen: lazy images (the browser's own loading="lazy", IntersectionObserver scripts) start within a
     * frame or two of coming into view, and the wait for the network after scrolling lets them finish.
     */
    private static final long PAUSE_MS = 100;
    /**
     * At the bottom, the least time from the last scroll before looking at the height again, whatever the network
     * did: for a feed whose script appends more without a request (from a timer) once the end is in view. The
     * quiet period (0.5 s by default) is usually longer, and then rules.
     */
    static final long SETTLE_MIN_MS = 300;
    /**
     * At the bottom, the longest wait for the network to go quiet before looking at the height again: a page whose
     * network stays busy (a stream, a slow feed) is looked at after it, and the wait after scrolling waits for the
     * rest. The blind 0.6 s this replaced had no such bound to reach.
     */
    static final Duration SETTLE_MAX = Duration.ofSeconds(2);
    private static final String STEP = "window.scrollBy(0, window.innerHeight);"
            + "const e = document.scrollingElement || document.documentElement;"
            + "return [window.scrollY, window.innerHeight, Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0)];";
    private static final String HEIGHT = "const e = document.scrollingElement || document.documentElement;"
            + "return Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0);";
    private static final String FITS = "const e = document.scrollingElement || document.documentElement;"
            + "return Math.max(e.scrollHeight, document.body ? document.body.scrollHeight : 0) <= window.innerHeight + 1;";

    /**
     * Where a call stopped, and the control to click before the next call (with {@link Stop#LOAD_MORE}).
     *
     * @param quietSince with {@link Stop#END} or {@link Stop#STUCK} after a settle that saw the network quiet: the
     *                   {@link System#nanoTime()} of the last scroll, from which that quiet was counted; nothing was
     *                   done to the page after it but looking, and the scroll back to the top, which was given
     *                   {@link #PAUSE_MS} to start its own requests as every screen is. Empty otherwise.
     */
    record Scrolled(Stop stop, int screens, Control next, OptionalLong quietSince) {
        Scrolled(Stop stop, int screens, Control next) {
            this(stop, screens, next, OptionalLong.empty());
        }
    }

    enum Stop { FITS, END, LOAD_MORE, SCREENS, TIME, STUCK }

    private final BrowserSession session;
    private final PageTimeouts timeouts;
    private final NetworkIdle idle;
    private Instant deadline;
    private int screens = 1;

    /** @param idle how to wait for the network at the bottom, the same as the page steps' waits */
    Scroller(BrowserSession session, PageTimeouts timeouts, NetworkIdle idle) {
        this.session = session;
        this.timeouts = timeouts;
        this.idle = idle;
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
            out = down(partial, note, loadMore, click);
        } finally {
            if (out == null || out.stop() != Stop.LOAD_MORE) {
                session.script("window.scrollTo(0, 0);");
            }
        }
        if (out.quietSince().isPresent()) {
            Thread.sleep(PAUSE_MS); // the top screen shown again, as each screen, gets its pause to start requests
        }
        return out;
    }

    /** Scrolls down until one of the stops; {@link #run} scrolls back up. */
    private Scrolled down(Consumer<String> partial, Consumer<String> note, Supplier<Control> loadMore, boolean click)
            throws InterruptedException {
        double lastY = -1;
        while (true) {
            List<?> pos = (List<?>) session.script(STEP);
            long moved = System.nanoTime();
            Thread.sleep(PAUSE_MS);
            double y = num(pos.get(0));
            double bottom = y + num(pos.get(1));
            double height = num(pos.get(2));
            boolean atEnd = bottom >= height - 1;
            if (atEnd || y == lastY) {
                boolean quiet = settle(moved);
                if (num(session.script(HEIGHT)) <= bottom + 1) {
                    Control more = loadMore == null ? null : loadMore.get();
                    if (more != null && click) {
                        note.accept("stopped at " + describe(more) + " after " + screens + " screens, to click it");
                        return new Scrolled(Stop.LOAD_MORE, screens, more);
                    }
                    if (more != null) {
                        partial.accept("end of page reached after " + screens + " screens, but " + describe(more)
                                + " is left: the limit of load-more clicks was reached");
                    } else if (atEnd) {
                        note.accept("end of page reached after " + screens + " screens");
                    } else {
                        note.accept("the page stopped growing and scrolling after " + screens + " screens, at "
                                + (long) bottom + " px of " + (long) height);
                    }
                    return new Scrolled(atEnd ? Stop.END : Stop.STUCK, screens, null,
                            quiet ? OptionalLong.of(moved) : OptionalLong.empty());
                }
            }
            lastY = y;
            screens++;
            if (screens >= timeouts.maxScreens()) {
                partial.accept("limit of " + timeouts.maxScreens() + " screens reached; the page goes on");
                return new Scrolled(Stop.SCREENS, screens, null);
            }
            if (Instant.now().isAfter(deadline)) {
                partial.accept("limit of " + StepRecorder.seconds(timeouts.scroll()) + " reached at " + screens
                        + " screens; the page goes on");
                return new Scrolled(Stop.TIME, screens, null);
            }
        }
    }

    /**
     * The settle at the bottom: waits for the network to be quiet for the quiet period counted from {@code moved}
     * (the last scroll), for at most {@link #SETTLE_MAX} or the scrolling time left, then until at least
     * {@link #SETTLE_MIN_MS} after {@code moved}. Returns whether the network was seen quiet.
     */
    private boolean settle(long moved) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        Duration max = left.isNegative() ? Duration.ZERO : left.compareTo(SETTLE_MAX) < 0 ? left : SETTLE_MAX;
        boolean quiet = idle.await(timeouts.quiet(), max, moved);
        long rest = SETTLE_MIN_MS * 1_000_000L - (System.nanoTime() - moved);
        if (rest > 0) {
            Thread.sleep(rest / 1_000_000L, (int) (rest % 1_000_000L));
        }
        return quiet;
    }

    private static String describe(Control c) {
        return "\"" + c.text() + "\" at " + c.selector();
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
