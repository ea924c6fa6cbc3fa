package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/** One capture: what was asked for and what came back, its screenshot, TLS and hosts, and its files. */
final class CaptureSection {
    private CaptureSection() {
    }

    static void write(ReportSink out, Entry e, JsonNode r, Depictions depictions) throws IOException {
        out.pageBreak();
        out.heading(2, "Capture " + e.id() + ": " + e.source());
        List<Field> f = new ArrayList<>();
        f.add(Field.text("Requested URL", Nodes.text(r, "requestedUrl")));
        f.add(Field.text("Final URL", Nodes.text(r, "finalUrl")));
        f.add(Field.text("Page title", Nodes.text(r, "title")));
        f.add(Field.text("Started (UTC)", Nodes.utc(Nodes.instant(r, "startedAt"))));
        f.add(Field.text("Ended (UTC)", Nodes.utc(Nodes.instant(r, "endedAt"))));
        f.add(Field.text("TSA time", e.stampText()));
        f.add(Field.text("Outcome", Nodes.text(r, "outcome")));
        f.add(Field.text("HTTP status", Nodes.text(r, "mainDocument", "status")));
        List<String> pageHosts = List.of(host(Nodes.text(r, "requestedUrl")), host(Nodes.text(r, "finalUrl")));
        f.add(Field.text("Server IP", hosts(r.path("hosts"), h -> pageHosts.contains(h), "\n")));
        f.add(Field.text("Other hosts contacted", hosts(r.path("hosts"), h -> !pageHosts.contains(h), ", ")));
        f.add(Field.text("Notes", pairs(r.path("notes"))));
        f.add(Field.text("Investigator", Nodes.text(r, "investigator", "name")));
        f.add(Field.mono("Investigator cert SHA-256", Nodes.text(r, "investigator", "fingerprint")));
        f.add(Field.mono("capture.json SHA-256", e.recordSha256()));
        f.add(Field.text("Warnings", lines(r.path("warnings"))));
        out.fields(f);
        depictions.write(out, e.folder(), Depictions.pick(r.path("artifacts"), "screenshot-viewport", "screenshot-full"));

        JsonNode chain = r.path("redirectChain");
        if (chain.isArray() && !chain.isEmpty()) {
            out.heading(3, "Redirect chain");
            try (ReportSink.Table t = out.table(Column.text("URL", 4), Column.text("Status", 0.8f),
                    Column.text("Location", 4))) {
                for (JsonNode hop : chain) {
                    t.row(Nodes.text(hop, "url"), Nodes.text(hop, "status"), Nodes.text(hop, "location"));
                }
            }
        }
        tls(out, r.path("tls"));
        ArtifactTables.write(out, r.path("artifacts"));
    }

    private static void tls(ReportSink out, JsonNode tls) throws IOException {
        if (tls.isEmpty()) {
            return;
        }
        out.heading(3, "TLS certificates (the server's, per origin)");
        try (ReportSink.Table t = out.table(Column.text("Origin, subject, issuer, validity", 2.7f),
                Column.mono("Certificate SHA-256", 4.3f))) {
            for (Map.Entry<String, JsonNode> c : origins(tls)) {
                JsonNode o = c.getValue();
                JsonNode leaf = o.path("chain").isArray() && !o.path("chain").isEmpty() ? o.path("chain").get(0) : o;
                String warnings = o.path("warnings").isArray() ? lines(o.path("warnings")) : Nodes.text(o, "warning");
                String ip = Nodes.text(o, "ip");
                t.row(c.getKey() + (ip.isEmpty() ? "" : " (" + ip + ")")
                        + "\nSubject: " + Nodes.text(leaf, "subject") + "\nIssuer: " + Nodes.text(leaf, "issuer")
                        + "\nValid " + Nodes.text(leaf, "notBefore") + " to " + Nodes.text(leaf, "notAfter")
                        + (warnings.isEmpty() || warnings.equals("none") ? "" : "\nWarning: " + warnings),
                        first(Nodes.text(leaf, "sha256"), Nodes.text(leaf, "fingerprint")));
            }
        }
    }

    /** TLS entries keyed by origin, whether the record holds an array of {origin, ...} or an object by origin. */
    private static List<Map.Entry<String, JsonNode>> origins(JsonNode tls) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (tls.isArray()) {
            for (JsonNode n : tls) {
                out.add(Map.entry(first(Nodes.text(n, "origin"), Nodes.text(n, "host")), n));
            }
        } else {
            tls.properties().forEach(out::add);
        }
        return out;
    }

    static String hosts(JsonNode hosts, java.util.function.Predicate<String> which, String separator) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : hosts) {
            if (which.test(Nodes.text(h, "host"))) {
                out.add(Nodes.text(h, "host") + " → " + Nodes.text(h, "ip"));
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

    static String pairs(JsonNode object) {
        if (!object.isObject()) {
            return object.isMissingNode() || object.isNull() ? "" : object.isValueNode() ? object.asText() : object.toString();
        }
        List<String> out = new ArrayList<>();
        object.properties().forEach(p -> out.add(p.getKey() + ": " + (p.getValue().isValueNode()
                ? p.getValue().asText() : p.getValue().toString())));
        return String.join("\n", out);
    }

    static String lines(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isValueNode() ? n.asText() : n.toString()));
        return out.isEmpty() ? "none" : String.join("\n", out);
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
