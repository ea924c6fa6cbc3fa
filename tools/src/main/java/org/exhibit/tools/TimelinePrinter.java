package org.exhibit.tools;

import java.io.PrintWriter;
import java.util.List;
import org.exhibit.integrity.timeline.Timeline;

/** Prints timelines as plain text, one block per URL. */
final class TimelinePrinter {
    private TimelinePrinter() {
    }

    static void print(List<Timeline> timelines, PrintWriter out) {
        for (Timeline t : timelines) {
            out.println(t.url() + "  (now: " + (t.now() == null ? "-" : t.now().text()) + ")");
            for (Timeline.Line l : t.lines()) {
                out.println("  " + l.time() + "  " + l.capture() + "  " + l.what());
            }
        }
    }
}
