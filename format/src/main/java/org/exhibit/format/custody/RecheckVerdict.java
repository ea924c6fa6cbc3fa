package org.exhibit.format.custody;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a recheck found for a URL, against its previous capture (the {@code verdict} of a {@code rechecked} line). */
public enum RecheckVerdict {
    /** HTTP 404, 410 or 451, the host name no longer resolves, or the page now says the content was removed. */
    GONE,
    /** Online again after a capture that found it gone. */
    BACK,
    /** Online, with visible text or media added or removed. */
    CHANGED,
    /** Online, with the same visible text and media. */
    UNCHANGED,
    /** No answer, or a server error (HTTP 5xx): nothing can be said about the content. */
    UNREACHABLE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #json()}; throws {@link IllegalArgumentException} naming the value otherwise. */
    @JsonCreator
    public static RecheckVerdict of(String json) {
        for (RecheckVerdict v : values()) {
            if (v.json().equals(json)) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected a recheck verdict (gone, back, changed, unchanged, unreachable), got "
                + json);
    }

    /** Whether the page was online: back, changed or unchanged. */
    public boolean online() {
        return this == BACK || this == CHANGED || this == UNCHANGED;
    }
}
