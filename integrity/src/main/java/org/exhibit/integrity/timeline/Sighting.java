package org.exhibit.integrity.timeline;

import java.time.Instant;

/**
 * One capture of a URL on its timeline.
 *
 * @param capture {@code captures/0005}
 * @param time    when the capture started
 * @param state   what it found
 * @param verdict the recheck's verdict ({@code gone}, {@code back}, {@code changed}, ...), or null for a capture that
 *                was not a recheck
 * @param reason  the recheck's reason, or the HTTP answer of a capture that was not a recheck
 */
public record Sighting(String capture, Instant time, State state, String verdict, String reason) {
}
