package org.exhibit.report;

import java.io.IOException;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.record.Actor;
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
        out.paragraph("Every action on the evidence, in order, from " + BundleLayout.EVENTS + ". Each line carries the "
                + "SHA-256 of the line before it, so a removed, reordered or edited line breaks the chain; "
                + "exhibit verify checks the chain and that the sealed manifest binds its last line.");
        int[] count = {0};
        try (ReportSink.Table t = out.table(Column.text("#", 0.4f), Column.text("Time (UTC)", 1.5f),
                Column.text("Actor", 1.5f), Column.text("Action", 1.1f), Column.text("Subject", 1.3f),
                Column.text("Details", 2.6f))) {
            reader.events(ev -> {
                count[0]++;
                t.row(String.valueOf(ev.seq()), Nodes.utc(ev.time()), actor(ev.actor()),
                        CaptureSection.text(ev.action()), CaptureSection.text(ev.subject()),
                        CaptureSection.pairs(ev.details()));
            });
        }
        if (count[0] == 0) {
            out.paragraph("The case has no custody log.");
        }
    }

    private static String actor(Actor actor) {
        if (actor == null) {
            return "";
        }
        String fp = CaptureSection.text(actor.fingerprint());
        return actor.name() + (fp.length() >= 16 ? " (cert " + fp.substring(0, 16) + "…)" : "");
    }
}
