package org.exhibit.capture.browser;

import java.time.Duration;

/**
 * Waits until no request has been in flight or started for {@code quiet}, counted from the call at the earliest
 * (a page quiet before the call still gets {@code quiet} to start a late request), for at most {@code max}; the
 * recording proxy implements it with what it sees on the wire.
 */
@FunctionalInterface
public interface NetworkIdle {
    /** Returns true when the network went quiet, false when {@code max} ran out first. */
    boolean await(Duration quiet, Duration max) throws InterruptedException;
}
