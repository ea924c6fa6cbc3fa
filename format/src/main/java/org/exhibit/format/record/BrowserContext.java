package org.exhibit.format.record;

import java.time.Instant;
import java.util.List;

/**
 * How the browser state a capture started in was prepared, when the capture ran in a browser kept running
 * between captures (a batch, or several captures of one command).
 *
 * @param state           {@link #FRESH} (a new browser context made for this capture: nothing from earlier
 *                        captures) or {@link #REUSED_CLEARED} (the context of earlier captures, cleared first)
 * @param earlierCaptures how many captures ran in this context before this one (0 for a fresh one)
 * @param preparedAt      when the preparation began
 * @param cleared         for a reused context, each clearing done before this capture, in order (a DevTools
 *                        command and what it was given, e.g. {@code Storage.clearDataForOrigin http://a.example});
 *                        empty for a fresh one
 * @param freshBecause    for a fresh context made although one was kept: why the kept one was not reused; else null
 */
public record BrowserContext(String state, int earlierCaptures, Instant preparedAt, List<String> cleared,
                             String freshBecause) {
    public static final String FRESH = "fresh";
    public static final String REUSED_CLEARED = "reused-cleared";
}
