package org.exhibit.integrity.timeline;

import java.time.Instant;

/**
 * Consecutive captures of a URL that found it in the same state.
 *
 * @param state    what they found
 * @param from     the first capture's time
 * @param to       the last capture's time (the same as {@code from} for one capture)
 * @param captures how many captures
 * @param first    the first capture, {@code captures/0001}
 * @param last     the last capture
 * @param reason   the first capture's reason ("HTTP 410", ...)
 * @param notice   for a period gone after one online, the last takedown notice naming the URL drafted after the
 *                 URL was last found gone before (or ever) and before this period's first capture
 *                 ("after the notice of 2026-11-30T10:00:00Z to social.example"); else null
 */
public record Period(State state, Instant from, Instant to, int captures, String first, String last, String reason,
                     String notice) {
}
