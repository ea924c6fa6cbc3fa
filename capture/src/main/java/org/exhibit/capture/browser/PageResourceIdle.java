package org.exhibit.capture.browser;

import java.time.Duration;
import java.util.List;

/**
 * Network idleness judged from inside the page, for when no recording proxy watches the wire: the document
 * is loaded and no new resource timing entry appeared for the quiet period. It sees a request only once it has
 * ended (the browser adds its entry then); before the call, when the last entry ended.
 */
final class PageResourceIdle implements NetworkIdle {
    /** The document's state, how many resources it loaded, and how long ago (ms) the last of them ended. */
    private static final String PROBE = "const r = performance.getEntriesByType('resource');"
            + "return [document.readyState, r.length, "
            + "performance.now() - r.reduce((m, e) => Math.max(m, e.responseEnd, e.startTime + e.duration), 0)];";
    private final BrowserSession session;

    PageResourceIdle(BrowserSession session) {
        this.session = session;
    }

    @Override
    public boolean await(Duration quiet, Duration max) throws InterruptedException {
        return await(quiet, max, System.nanoTime());
    }

    @Override
    public boolean await(Duration quiet, Duration max, long since) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        String last = null;
        long from = since;
        while (System.nanoTime() < end) {
            List<?> probe = (List<?>) session.script(PROBE);
            long now = System.nanoTime();
            String seen = probe.get(0) + ":" + probe.get(1);
            if (last == null) {
                long ended = now - (long) (Scroller.num(probe.get(2)) * 1_000_000L);
                from = ended - from > 0 ? ended : from;
            } else if (!seen.equals(last)) {
                from = now;
            }
            last = seen;
            if (seen.startsWith("complete:") && now - from >= quiet.toNanos()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
