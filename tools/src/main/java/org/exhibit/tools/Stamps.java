package org.exhibit.tools;

import java.io.PrintWriter;
import org.exhibit.integrity.workspace.StampOutcome;

/** How commands report a record's timestamp: results on stdout, warnings on stderr. */
final class Stamps {
    private Stamps() {
    }

    static String describe(StampOutcome o) {
        return o.stamped()
                ? "timestamped by " + o.token().tsa().name() + " at " + o.token().genTime()
                : "timestamp PENDING";
    }

    static void warn(StampOutcome o, PrintWriter err, boolean quiet) {
        if (!o.stamped()) {
            err.println("exhibit: warning: " + o.subject() + ": timestamp pending (" + o.problem() + ");"
                    + " the record is kept: run `exhibit stamp --case DIR` when a TSA is reachable");
        } else if (!quiet) {
            o.warnings().forEach(w -> err.println("exhibit: warning: " + o.subject() + ": " + w));
        }
    }
}
