package org.exhibit.capture.video;

import java.time.Duration;

/**
 * How far keeping videos may go in one capture.
 *
 * @param maxBytes   media bytes fetched for videos, all together ({@code --max-media-bytes})
 * @param timeBound  time spent fetching videos, all together
 * @param liveBound  how long a live stream (a playlist that never ends) is recorded
 */
public record VideoOptions(long maxBytes, Duration timeBound, Duration liveBound) {
    /** 2 GB, 10 minutes, 30 seconds of a live stream. */
    public static final VideoOptions DEFAULT = new VideoOptions(2_000_000_000L, Duration.ofMinutes(10),
            Duration.ofSeconds(30));

    public VideoOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("expected a positive byte bound for media, got " + maxBytes);
        }
    }
}
