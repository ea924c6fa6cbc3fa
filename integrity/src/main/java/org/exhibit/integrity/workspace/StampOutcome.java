package org.exhibit.integrity.workspace;

import java.nio.file.Path;
import java.util.List;
import org.exhibit.integrity.timestamp.StampedToken;

/**
 * What happened when a record was stamped.
 *
 * @param record   the record file ({@code capture.json}, {@code item.json})
 * @param subject  its custody-log subject ({@code files/0001})
 * @param token    the validated token, or null when the stamp is pending
 * @param tsr      the {@code .tsr} file written, or null when pending
 * @param problem  why no token was obtained (one line), or null when stamped
 * @param warnings what holds but deserves a look (a TSA outside the trust list, a self-run TSA)
 */
public record StampOutcome(Path record, String subject, StampedToken token, Path tsr, String problem,
                           List<String> warnings) {
    public StampOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean stamped() {
        return token != null;
    }
}
