package org.exhibit.integrity.timeline;

import java.time.Instant;

/**
 * A takedown notice that named a URL, from the custody log's {@code notice-drafted} line.
 *
 * @param time      when the notice was drafted (the line's time); Exhibit does not know when it was sent
 * @param host      the host it is addressed to
 * @param addressee the abuse contacts it is addressed to, or null when none was looked up or found
 * @param file      the notice's text file name ({@code takedown-social.example.txt})
 */
public record Notice(Instant time, String host, String addressee, String file) {
    /** "notice to social.example (abuse@registrar.example) drafted". */
    public String text() {
        return "takedown notice to " + host + (addressee == null ? "" : " (" + addressee + ")") + " drafted (" + file + ")";
    }

    /** "after the notice of 2026-11-30T10:00:00Z to social.example". */
    public String after() {
        return "after the notice of " + time + " to " + host;
    }
}
