package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.ImageMode;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/** The case report's content, in order, written once against a {@link ReportSink}. One record in memory at a time. */
final class CaseReportContent {
    private final CaseReader reader;
    private final CaseInfo info;
    private final List<Entry> entries;
    private final List<Field> sealValues;
    private final String bundleName;

    CaseReportContent(CaseReader reader, CaseInfo info, List<Entry> entries, List<Field> sealValues, String bundleName) {
        this.reader = reader;
        this.info = info;
        this.entries = entries;
        this.sealValues = sealValues;
        this.bundleName = bundleName;
    }

    void write(ReportSink out, ImageMode mode, Producer producer, Instant now) throws IOException {
        JsonNode env = environment();
        String version = info.exhibitVersion().isEmpty() ? Nodes.text(env, "exhibitVersion") : info.exhibitVersion();
        out.heading(1, "Evidence report — case " + info.id());
        if (mode == ImageMode.BLURRED) {
            out.notice("Images and screenshots in this report are blurred because they may show intimate "
                    + "content. They are computed from copies reduced to at most " + Depicter.BLUR_MAX + " pixels; "
                    + "the evidence itself is unchanged. Run exhibit report with --show-images to display them.");
        }
        long captures = entries.stream().filter(e -> e.kind() == Entry.Kind.CAPTURE).count();
        out.fields(List.of(
                Field.text("Case id", info.id()),
                Field.text("Title", info.title()),
                Field.text("Investigator", info.investigator().name()),
                Field.mono("Certificate SHA-256", info.investigator().fingerprint()),
                Field.text("Case opened (UTC)", Nodes.utc(info.created())),
                Field.text("Sealed (UTC)", info.sealedAt() == null ? "not sealed (read from the workspace)"
                        : Nodes.utc(info.sealedAt())),
                Field.text("Read from", reader.files().location().getFileName().toString()),
                Field.text("Contents", captures + " captures, " + (entries.size() - captures) + " items"),
                Field.text("Report written", Nodes.utc(now) + " by " + producer)));
        out.heading(2, "Tool and environment of the captures");
        out.fields(List.of(
                Field.text("Exhibit version", version),
                Field.text("Browser", Nodes.text(env, "browser")),
                Field.text("Driver", Nodes.text(env, "driver")),
                Field.text("User agent", Nodes.text(env, "userAgent")),
                Field.text("Viewport", Nodes.text(env, "viewport")),
                Field.text("Time zone", Nodes.text(env, "timeZone")),
                Field.text("Java", Nodes.text(env, "java")),
                Field.text("Operating system", Nodes.text(env, "os"))));
        summary(out);
        Depictions depictions = new Depictions(reader.files(), new Depicter(mode));
        for (Entry e : entries) {
            JsonNode record = reader.record(e);
            if (e.kind() == Entry.Kind.CAPTURE) {
                CaptureSection.write(out, e, record, depictions);
            } else {
                ItemSection.write(out, e, record, depictions);
            }
        }
        CustodySection.write(out, reader);
        VerifyInstructions.write(out, info, bundleName, entries, verifyTxt(reader));
        CertificationPage.write(out, info, version, Nodes.text(env, "browser"), entries, sealValues);
    }

    private void summary(ReportSink out) throws IOException {
        out.heading(2, "Summary of captures and items");
        try (ReportSink.Table t = out.table(Column.text("#", 0.9f), Column.text("URL or source", 3.4f),
                Column.text("Captured (UTC)", 1.5f), Column.text("TSA time (genTime)", 1.9f),
                Column.text("Outcome", 0.9f))) {
            for (Entry e : entries) {
                t.row((e.kind() == Entry.Kind.CAPTURE ? "capture " : "item ") + e.id(), e.source(),
                        Nodes.utc(e.time()), e.stampText(), e.outcome());
            }
        }
    }

    /** The lines of the bundle's VERIFY.txt, or null when reading a workspace. */
    static List<String> verifyTxt(CaseReader reader) throws IOException {
        if (!reader.files().sealed() || !reader.files().exists("VERIFY.txt")) {
            return null;
        }
        return new String(reader.files().readSmall("VERIFY.txt", 16 << 20), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
    }

    /** The environment of the first capture that recorded one (all captures of a case share a machine). */
    private JsonNode environment() throws IOException {
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.CAPTURE) {
                JsonNode env = reader.record(e).path("environment");
                if (!env.isMissingNode()) {
                    return env;
                }
            }
        }
        return MissingNode.getInstance();
    }

}
