package org.exhibit.format.record;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a capture ended. */
public enum CaptureOutcome {
    /** Every step ended as it should. */
    COMPLETE,
    /** A limit or timeout was hit, or a step failed; everything captured is kept and the warnings say what. */
    PARTIAL,
    /** The page could not be captured (refused, unreachable, the browser would not start); the reason is kept. */
    FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
