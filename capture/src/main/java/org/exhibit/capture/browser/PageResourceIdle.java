package org.exhibit.capture.browser;

import java.time.Duration;

/**
 * Network idleness judged from inside the page, for when no recording proxy watches the wire: the document
 * is loaded and no new resource timing entry appeared for the quiet period.
 */
final class PageResourceIdle implements NetworkIdle {
    private static final String PROBE = "return document.readyState + ':' + performance.getEntriesByType('resource').length;";
    private final BrowserSession session;

    PageResourceIdle(BrowserSession session) {
        this.session = session;
    }

    @Override
    public boolean await(Duration quiet, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        String last = null;
        long since = System.nanoTime();
        while (System.nanoTime() < end) {
            String now = String.valueOf(session.script(PROBE));
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            } else if (now.startsWith("complete:") && System.nanoTime() - since >= quiet.toNanos()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
