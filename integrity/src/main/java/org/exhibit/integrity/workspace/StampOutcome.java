package org.exhibit.integrity.workspace;

import java.nio.file.Path;
import java.util.List;
import org.exhibit.integrity.timestamp.StampedToken;

/**
 * What happened when a record was stamped by each configured TSA.
 *
 * @param record   the record file ({@code capture.json}, {@code item.json})
 * @param subject  its custody-log subject ({@code files/0001})
 * @param tokens   the validated tokens obtained now, one per TSA that answered (empty when every stamp is pending)
 * @param tsrs     the {@code .tsr} files written, in the order of {@code tokens}
 * @param problem  why a TSA gave no token (one line naming each), or null when every TSA asked answered
 * @param warnings what holds but deserves a look (a TSA outside the trust list, a self-run TSA)
 */
public record StampOutcome(Path record, String subject, List<StampedToken> tokens, List<Path> tsrs, String problem,
                           List<String> warnings) {
    public StampOutcome {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        tsrs = tsrs == null ? List.of() : List.copyOf(tsrs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** At least one TSA stamped the record now. */
    public boolean stamped() {
        return !tokens.isEmpty();
    }

    /** Every TSA asked stamped it: nothing of this record is pending. */
    public boolean complete() {
        return stamped() && problem == null;
    }

    /** The first token obtained, or null when every stamp is pending. */
    public StampedToken token() {
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    /** The first {@code .tsr} written, or null. */
    public Path tsr() {
        return tsrs.isEmpty() ? null : tsrs.get(0);
    }
}
