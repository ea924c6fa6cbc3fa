package org.exhibit.capture.video;

import java.time.Duration;

/**
 * How far keeping videos may go in one capture.
 *
 * @param maxBytes   media bytes fetched for videos, all together ({@code --max-media-bytes})
 * @param timeBound  time spent fetching videos, all together
 * @param liveBound  how long a live stream (a playlist that never ends) is recorded
 * @param enabled    whether videos are kept at all ({@code --no-videos} turns it off, e.g. to measure its cost)
 */
public record VideoOptions(long maxBytes, Duration timeBound, Duration liveBound, boolean enabled) {
    /** 2 GB, 10 minutes, 30 seconds of a live stream. */
    public static final VideoOptions DEFAULT = new VideoOptions(2_000_000_000L, Duration.ofMinutes(10),
            Duration.ofSeconds(30), true);

    public VideoOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("--max-media-bytes: expected a positive number of bytes, got "
                    + maxBytes);
        }
        if (timeBound.isNegative() || timeBound.isZero() || liveBound.isNegative() || liveBound.isZero()) {
            throw new IllegalArgumentException("expected positive time bounds for videos, got " + timeBound + " and "
                    + liveBound);
        }
    }
}
