package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Nodes;

/** The custody log, line by line as recorded (streamed: a long log is never held in memory). */
final class CustodySection {
    private CustodySection() {
    }

    static void write(ReportSink out, CaseReader reader) throws IOException {
        out.pageBreak();
        out.heading(2, "Chain of custody");
        out.paragraph("Every action on the evidence, in order, from custody/events.jsonl. Each line carries the "
                + "SHA-256 of the line before it, so a removed, reordered or edited line breaks the chain; "
                + "exhibit verify checks the chain and that the sealed manifest binds its last line.");
        int[] count = {0};
        try (ReportSink.Table t = out.table(Column.text("#", 0.4f), Column.text("Time (UTC)", 1.5f),
                Column.text("Actor", 1.5f), Column.text("Action", 1.1f), Column.text("Subject", 1.3f),
                Column.text("Details", 2.6f))) {
            reader.events(ev -> {
                count[0]++;
                t.row(Nodes.text(ev, "seq"), Nodes.utc(Nodes.instant(ev, "time")), actor(ev.path("actor")),
                        Nodes.text(ev, "action"), Nodes.text(ev, "subject"), CaptureSection.pairs(ev.path("details")));
            });
        }
        if (count[0] == 0) {
            out.paragraph("The case has no custody log.");
        }
    }

    private static String actor(JsonNode actor) {
        String fp = Nodes.text(actor, "fingerprint");
        return Nodes.text(actor, "name") + (fp.length() >= 16 ? " (cert " + fp.substring(0, 16) + "…)" : "");
    }
}
