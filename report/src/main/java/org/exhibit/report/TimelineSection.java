package org.exhibit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.integrity.timeline.CaptureFacts;
import org.exhibit.integrity.timeline.Period;
import org.exhibit.integrity.timeline.Timeline;
import org.exhibit.integrity.timeline.Timelines;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/**
 * "Timelines": per URL, when it was online, when it came down and when it came back, derived from the capture
 * records and the custody log's {@code rechecked} and {@code notice-drafted} lines ({@link Timelines}). Written only for a case with a URL
 * captured more than once.
 */
final class TimelineSection {
    private TimelineSection() {
    }

    static void write(ReportSink out, CaseReader reader, List<Entry> entries) throws IOException {
        List<CaptureFacts> facts = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.CAPTURE && reader.record(e) instanceof CaptureRecord c) {
                facts.add(CaptureFacts.of(e.folder().substring(e.folder().indexOf('/') + 1), c));
            }
        }
        List<CustodyEvent> checks = new ArrayList<>();
        reader.events(ev -> {
            if (CustodyEvent.RECHECKED.equals(ev.action()) || CustodyEvent.NOTICE_DRAFTED.equals(ev.action())) {
                checks.add(ev);
            }
        });
        List<Timeline> timelines = Timelines.of(facts, checks).stream().filter(t -> t.sightings().size() > 1).toList();
        if (timelines.isEmpty()) {
            return;
        }
        out.heading(2, "Timelines");
        out.paragraph("Each URL captured more than once, from its capture records and the custody log's rechecked "
                + "and notice-drafted lines: the periods in which the captures found it online, gone (HTTP 404, 410 or 451, a host name "
                + "that no longer resolves, or a page saying the content was removed) or without an answer. Only what "
                + "a capture saw is stated: between the last capture that found a page online and the first that found "
                + "it gone, nobody looked. A takedown notice drafted with Exhibit that named the URL is listed at the time "
                + "it was drafted (when it was sent is not recorded), and a period gone after one online says after "
                + "which notice it began.");
        for (Timeline t : timelines) {
            out.heading(3, t.url());
            try (ReportSink.Table table = out.table(Column.text("State", 0.9f), Column.text("From (UTC)", 1.5f),
                    Column.text("To (UTC)", 1.5f), Column.text("Captures", 1.6f), Column.text("Answer", 2.2f))) {
                for (Period p : t.periods()) {
                    table.row(p.state().text(), Nodes.utc(p.from()), Nodes.utc(p.to()),
                            p.captures() == 1 ? p.first() : p.captures() + ": " + p.first() + " to " + p.last(),
                            p.notice() == null ? p.reason() : p.reason() + "; " + p.notice());
                }
            }
            try (ReportSink.Table table = out.table(Column.text("Time (UTC)", 1.5f), Column.text("Capture", 1.1f),
                    Column.text("What the capture found", 5.1f))) {
                for (Timeline.Line l : t.lines()) {
                    table.row(Nodes.utc(l.time()), l.capture(), l.what());
                }
            }
        }
    }
}
