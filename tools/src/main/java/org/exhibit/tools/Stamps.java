package org.exhibit.tools;

import java.io.PrintWriter;
import org.exhibit.integrity.workspace.StampOutcome;

/** How commands report a record's timestamp: results on stdout, warnings on stderr. */
final class Stamps {
    private Stamps() {
    }

    /** "timestamped by a at T1, b at T2", "+ PENDING for c" when a TSA did not answer. */
    static String describe(StampOutcome o) {
        if (!o.stamped()) {
            return "timestamp PENDING";
        }
        StringBuilder b = new StringBuilder("timestamped by ");
        for (int i = 0; i < o.tokens().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(o.tokens().get(i).tsa().name()).append(" at ")
                    .append(o.tokens().get(i).genTime());
        }
        return o.complete() ? b.toString() : b.append("; a TSA's timestamp PENDING").toString();
    }

    static void warn(StampOutcome o, PrintWriter err, boolean quiet) {
        if (!o.stamped()) {
            err.println("exhibit: warning: " + o.subject() + ": timestamp pending (" + o.problem() + ");"
                    + " the record is kept: run `exhibit stamp --case DIR` when a TSA is reachable");
            return;
        }
        if (!o.complete()) {
            err.println("exhibit: warning: " + o.subject() + ": timestamp pending from a TSA (" + o.problem() + ");"
                    + " the other timestamps count: run `exhibit stamp --case DIR` to add it when it is reachable");
        }
        if (!quiet) {
            o.warnings().forEach(w -> err.println("exhibit: warning: " + o.subject() + ": " + w));
        }
    }
}
