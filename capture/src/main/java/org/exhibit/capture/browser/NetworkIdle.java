package org.exhibit.capture.browser;

import java.time.Duration;
import java.util.List;

/**
 * Waits until no request has been in flight or started for {@code quiet}, counted from the call at the earliest
 * (a page quiet before the call still gets {@code quiet} to start a late request), for at most {@code max}; the
 * recording proxy implements it with what it sees on the wire.
 */
@FunctionalInterface
public interface NetworkIdle {
    /** Returns true when the network went quiet, false when {@code max} ran out first. */
    boolean await(Duration quiet, Duration max) throws InterruptedException;

    /**
     * As {@link #await(Duration, Duration)}, but {@code quiet} is counted from {@code since} at the earliest (a
     * {@link System#nanoTime()} reading, the time of the last thing done to the page) instead of from the call:
     * a quiet network seen since then counts, so a wait right after another need not see the same quiet twice.
     * An implementation that cannot tell what the network did before the call counts from the call, as
     * {@link #await(Duration, Duration)} does; so does this default.
     */
    default boolean await(Duration quiet, Duration max, long since) throws InterruptedException {
        return await(quiet, max);
    }

    /**
     * The requests the last {@link #await} that returned true left open because they had received nothing for a
     * while (a long poll waiting for news, a body that stopped coming): they no longer kept the network busy.
     * Each is named as {@code METHOD URL}; empty when every request was waited for.
     */
    default List<String> stalled() {
        return List.of();
    }
}
