package org.exhibit.capture;

import java.net.URI;

/**
 * A URL that passed the {@link UrlPolicy}.
 *
 * @param url     as a person reads it: host in Unicode (an IDN stays {@code bücher.example}); goes in the record
 * @param request what the browser is sent to: host in punycode ({@code xn--bcher-kva.example}), every
 *                non-ASCII character percent-encoded; also the key for spotting duplicates
 */
public record CaptureTarget(String url, URI request) {
    public String host() {
        return request.getHost();
    }

    @Override
    public String toString() {
        return url;
    }
}
