package org.exhibit.capture.video;

/**
 * A video to keep: how it is offered and where.
 *
 * @param kind {@code hls}, {@code dash}, {@code progressive} (the page loaded it) or {@code link} (the page links to it)
 * @param url  the playlist, manifest or file
 */
public record Candidate(String kind, String url) {
    static final String HLS = "hls";
    static final String DASH = "dash";
    static final String PROGRESSIVE = "progressive";
    static final String LINK = "link";
}
