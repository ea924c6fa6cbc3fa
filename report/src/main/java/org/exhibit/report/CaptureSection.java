package org.exhibit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.BrowserContext;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.CertificateSummary;
import org.exhibit.format.record.OriginInfo;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/** One capture: what was asked for and what came back, its screenshot, its videos, TLS and hosts, and its files. */
final class CaptureSection {
    private CaptureSection() {
    }

    static void write(ReportSink out, Entry e, CaptureRecord r, Depictions depictions) throws IOException {
        out.pageBreak();
        out.heading(2, "Capture " + e.id() + ": " + e.source());
        List<Field> f = new ArrayList<>();
        f.add(Field.text("Requested URL", text(r.requestedUrl())));
        f.add(Field.text("Final URL", text(r.finalUrl())));
        f.add(Field.text("Page title", text(r.title())));
        f.add(Field.text("Started (UTC)", Nodes.utc(r.startedAt())));
        f.add(Field.text("Ended (UTC)", Nodes.utc(r.endedAt())));
        f.add(Field.text("TSA time", e.stampText()));
        f.add(Field.text("Outcome", r.outcome() == null ? "" : r.outcome().json()));
        f.add(Field.text("HTTP status", r.mainDocument() == null ? "" : String.valueOf(r.mainDocument().status())));
        List<String> pageHosts = List.of(host(text(r.requestedUrl())), host(text(r.finalUrl())));
        f.add(Field.text("Server IP", hosts(r.hosts(), h -> pageHosts.contains(h), "\n")));
        f.add(Field.text("Other hosts contacted", hosts(r.hosts(), h -> !pageHosts.contains(h), ", ")));
        f.add(Field.text("Notes", pairs(r.notes())));
        f.add(Field.text("Investigator", r.investigator() == null ? "" : r.investigator().name()));
        f.add(Field.mono("Investigator cert SHA-256", r.investigator() == null ? "" : r.investigator().fingerprint()));
        f.add(Field.mono(CaptureFolder.RECORD + " SHA-256", e.recordSha256()));
        if (r.environment() != null && r.environment().browserContext() != null) {
            f.add(Field.text("Browser state", browserState(r.environment().browserContext())));
        }
        f.add(Field.text("Warnings", lines(r.warnings())));
        out.fields(f);
        depictions.write(out, e.folder(), Depictions.pick(r.artifacts(), "screenshot-viewport", "screenshot-full"));

        if (r.redirectChain() != null && !r.redirectChain().isEmpty()) {
            out.heading(3, "Redirect chain");
            try (ReportSink.Table t = out.table(Column.text("URL", 4), Column.text("Status", 0.8f),
                    Column.text("Location", 4))) {
                for (CaptureRecord.Redirect hop : r.redirectChain()) {
                    t.row(text(hop.url()), String.valueOf(hop.status()), text(hop.location()));
                }
            }
        }
        VideoSection.write(out, e, r, depictions);
        tls(out, r.tls());
        ArtifactTables.write(out, r.artifacts());
    }

    private static void tls(ReportSink out, List<OriginInfo> tls) throws IOException {
        if (tls == null || tls.isEmpty()) {
            return;
        }
        out.heading(3, "TLS certificates (the server's, per origin)");
        try (ReportSink.Table t = out.table(Column.text("Origin, subject, issuer, validity", 2.7f),
                Column.mono("Certificate SHA-256", 4.3f))) {
            for (OriginInfo o : tls) {
                CertificateSummary leaf = o.chain() == null || o.chain().isEmpty() ? null : o.chain().get(0);
                String warnings = lines(o.warnings());
                String ip = text(o.ip());
                t.row(text(o.origin()) + (ip.isEmpty() ? "" : " (" + ip + ")")
                        + (leaf == null ? "" : "\nSubject: " + leaf.subject() + "\nIssuer: " + leaf.issuer()
                        + "\nValid " + leaf.notBefore() + " to " + leaf.notAfter())
                        + (warnings.equals("none") ? "" : "\nWarning: " + warnings),
                        leaf == null ? "" : text(leaf.sha256()));
            }
        }
    }

    /**
     * How the browser state the capture started in was prepared: a new context, or the context of earlier captures
     * and each clearing done before this one (what a court may ask: could an earlier capture have shaped this page?).
     */
    static String browserState(BrowserContext c) {
        if (BrowserContext.REUSED_CLEARED.equals(c.state())) {
            List<String> cleared = c.cleared() == null ? List.of() : c.cleared();
            return "the browser context of " + c.earlierCaptures() + " earlier capture(s) of this run, cleared before "
                    + "this one (" + cleared.size() + " steps):\n" + String.join("\n", cleared);
        }
        return "a new browser context: nothing from earlier captures" + (c.freshBecause() == null ? ""
                : " (the kept one was not reused: " + c.freshBecause() + ")");
    }

    static String hosts(List<CaptureRecord.HostAddress> hosts, java.util.function.Predicate<String> which,
                        String separator) {
        List<String> out = new ArrayList<>();
        for (CaptureRecord.HostAddress h : hosts == null ? List.<CaptureRecord.HostAddress>of() : hosts) {
            if (which.test(text(h.host()))) {
                out.add(h.host() + " → " + h.ip());
            }
        }
        return String.join(separator, out);
    }

    /** The host of a URL, lower-cased; "" when it has none. */
    static String host(String url) {
        try {
            String h = java.net.URI.create(url.strip()).getHost();
            return h == null ? "" : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static String pairs(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(k + ": " + v));
        return String.join("\n", out);
    }

    static String lines(List<String> lines) {
        return lines == null || lines.isEmpty() ? "none" : String.join("\n", lines);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
