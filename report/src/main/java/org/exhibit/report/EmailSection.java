package org.exhibit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.EmailHeaders;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Nodes;

/**
 * An e-mail's transport headers in an item: the {@code Received:} chain as a table in travel order, the
 * originating IP with the rule that chose it, sender mismatches, and the authentication headers as found.
 */
final class EmailSection {
    private EmailSection() {
    }

    static void write(ReportSink out, List<Artifact> artifacts) throws IOException {
        if (artifacts == null) {
            return;
        }
        for (Artifact a : artifacts) {
            if (a.emails() == null) {
                continue;
            }
            for (EmailHeaders h : a.emails()) {
                write(out, a, h);
            }
        }
    }

    private static void write(ReportSink out, Artifact a, EmailHeaders h) throws IOException {
        String which = a.emails().size() == 1 ? "" : " " + h.message();
        out.heading(3, "E-mail" + which + ": route and sender (" + CaptureSection.text(a.path()) + ")");
        List<Field> fields = new ArrayList<>();
        fields.add(Field.text("Subject", CaptureSection.text(h.subject())));
        fields.add(Field.mono("Message-ID", CaptureSection.text(h.messageId())));
        fields.add(Field.text("From", CaptureSection.text(h.from())));
        fields.add(Field.text("Reply-To", h.replyTo() == null ? "" : String.join(", ", h.replyTo())));
        fields.add(Field.text("Return-Path", CaptureSection.text(h.returnPath())));
        fields.add(Field.text("Originating IP", h.originatingIp() == null ? "none: no hop records a public address"
                : h.originatingIp() + " (hop " + h.originatingHop() + ")"));
        fields.add(Field.text("How it was chosen", CaptureSection.text(h.originatingRule())));
        out.fields(fields);
        if (!h.mismatches().isEmpty()) {
            out.notice("Sender mismatch: " + String.join("; ", h.mismatches()));
        }
        if (h.hops().isEmpty()) {
            out.paragraph("The message has no Received: headers.");
        } else {
            try (ReportSink.Table t = out.table(Column.text("#", 0.3f), Column.text("From (HELO, host)", 1.8f),
                    Column.mono("IP", 1.5f), Column.text("By", 1.6f), Column.text("With, id", 1.3f),
                    Column.text("Time (UTC), as written", 1.9f), Column.text("Delay", 0.6f))) {
                for (EmailHeaders.Hop hop : h.hops()) {
                    t.row(String.valueOf(hop.number()), join(hop.helo(), hop.fromHost()),
                            CaptureSection.text(hop.fromIp()), CaptureSection.text(hop.by()),
                            join(hop.with(), hop.id()),
                            (hop.timeUtc() == null ? "unreadable" : Nodes.utc(hop.timeUtc())) + "\n"
                                    + CaptureSection.text(hop.time()),
                            hop.delaySeconds() == null ? "" : hop.delaySeconds() + " s");
                }
            }
        }
        if (!h.authenticationResults().isEmpty() || !h.dkimSignatures().isEmpty() || !h.arc().isEmpty()) {
            List<String> lines = new ArrayList<>();
            h.authenticationResults().forEach(r -> lines.add("Authentication-Results: " + r));
            h.dkimSignatures().forEach(d -> lines.add("DKIM-Signature: d=" + CaptureSection.text(d.domain()) + " s="
                    + CaptureSection.text(d.selector()) + (d.algorithm() == null ? "" : " a=" + d.algorithm())));
            h.arc().forEach(x -> lines.add(x.name() + ": " + x.value()));
            out.fields(List.of(Field.text("Authentication headers (as found)", String.join("\n", lines)),
                    Field.text("Verification", CaptureSection.text(h.verification()))));
        }
    }

    private static String join(String a, String b) {
        String x = CaptureSection.text(a);
        String y = CaptureSection.text(b);
        return x.isEmpty() || x.equalsIgnoreCase(y) ? y : y.isEmpty() ? x : x + "\n" + y;
    }
}
