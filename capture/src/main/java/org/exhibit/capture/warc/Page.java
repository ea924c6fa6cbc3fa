package org.exhibit.capture.warc;

import java.time.Instant;
import java.util.Objects;

/**
 * A page of a WACZ's {@code pages/pages.jsonl}: where replay starts.
 *
 * @param url   the page's URL (the final URL after redirects)
 * @param ts    when it was captured
 * @param title its title, or null
 * @param text  its visible text, for a replay's full-text search, or null
 */
public record Page(String url, Instant ts, String title, String text) {
    public Page {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ts, "ts");
    }
}
