package org.exhibit.integrity.timeline;

import java.util.Locale;

/** What one capture found a URL to be. */
public enum State {
    /** The page answered and showed content. */
    ONLINE,
    /** HTTP 404, 410 or 451, a host name that no longer resolves, or a "content removed" page. */
    GONE,
    /** No answer, or a server error: nothing can be said about the content. */
    NO_ANSWER;

    /** "online", "gone", "no answer". */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
