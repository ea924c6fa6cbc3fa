package org.exhibit.integrity.timestamp;

import java.net.URI;

/**
 * A time-stamping authority to ask.
 *
 * @param name slug used in file names ({@code capture.json.<name>.tsr}, {@code custody/tsa/<name>.pem}):
 *             lower-case letters, digits, '.', '-' only; for a URL its host (e.g. "tsa.example.org"),
 *             for Exhibit's in-process TSA "local"
 * @param url  where RFC 3161 requests are POSTed
 */
public record TsaEndpoint(String name, URI url) {
    // API agreed for the helpers; the timestamp helper owns this file.
}
