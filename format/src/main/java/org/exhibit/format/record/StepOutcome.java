package org.exhibit.format.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one page step ended. */
public enum StepOutcome {
    /** Done as asked. */
    OK,
    /** A limit or timeout was hit; what the step got is kept and the capture went on. */
    PARTIAL,
    /** Nothing usable came of the step; the message says why. */
    FAILED,
    /** Not attempted, because the browser had crashed or stopped answering. */
    SKIPPED;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
