package org.exhibit.report;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.format.record.ItemRecord;
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
    private final boolean sealing;

    /**
     * @param sealing whether the report is written into a workspace as part of sealing it into {@code bundleName}
     *                at {@code info.sealedAt()}
     */
    CaseReportContent(CaseReader reader, CaseInfo info, List<Entry> entries, List<Field> sealValues, String bundleName,
                      boolean sealing) {
        this.reader = reader;
        this.info = info;
        this.entries = entries;
        this.sealValues = sealValues;
        this.bundleName = bundleName;
        this.sealing = sealing;
    }

    void write(ReportSink out, ImageMode mode, Producer producer, Instant now) throws IOException {
        CaptureRecord.Environment env = environment();
        String version = info.exhibitVersion().isEmpty() ? CaptureSection.text(env.exhibitVersion())
                : info.exhibitVersion();
        out.heading(1, "Evidence report — case " + info.id());
        if (mode == ImageMode.BLURRED) {
            out.notice("Images and screenshots in this report are blurred because they may show intimate "
                    + "content. They are computed from copies reduced to at most " + Depicter.BLUR_MAX + " pixels; "
                    + "the evidence itself is unchanged. Run exhibit report with --show-images to display them.");
        }
        long captures = entries.stream().filter(e -> e.kind() == Entry.Kind.CAPTURE).count();
        List<Field> first = new ArrayList<>(List.of(
                Field.text("Case id", info.id()),
                Field.text("Title", info.title()),
                Field.text("Investigator", info.investigator().name()),
                Field.mono("Certificate SHA-256", info.investigator().fingerprint()),
                Field.text("Case opened (UTC)", Nodes.utc(info.created())),
                Field.text("Sealed (UTC)", info.sealedAt() == null ? "not sealed (read from the workspace)"
                        : Nodes.utc(info.sealedAt()))));
        if (sealing) {
            first.add(Field.text("Bundle", bundleName));
        }
        first.addAll(List.of(
                Field.text("Read from", reader.files().location().getFileName().toString()),
                Field.text("Contents", captures + " captures, " + (entries.size() - captures) + " items"),
                Field.text("Report written", Nodes.utc(now) + " by " + producer + (sealing
                        ? ", as part of sealing: written into the case, then sealed with it into " + bundleName
                        + ", so this report is inside the bundle it describes" : ""))));
        out.fields(first);
        out.heading(2, "Tool and environment of the captures");
        out.fields(List.of(
                Field.text("Exhibit version", version),
                Field.text("Browser", CaptureSection.text(env.browser())),
                Field.text("Driver", CaptureSection.text(env.driver())),
                Field.text("User agent", CaptureSection.text(env.userAgent())),
                Field.text("Viewport", CaptureSection.text(env.viewport())),
                Field.text("Time zone", CaptureSection.text(env.timeZone())),
                Field.text("Java", CaptureSection.text(env.java())),
                Field.text("Operating system", CaptureSection.text(env.os()))));
        summary(out);
        Depictions depictions = new Depictions(reader.files(), new Depicter(mode));
        Map<String, String> contained = new HashMap<>();
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.ITEM && reader.record(e) instanceof ItemRecord i && i.containedIn() != null) {
                contained.putIfAbsent(i.containedIn().item() + "/" + i.containedIn().path(), e.id());
            }
        }
        for (Entry e : entries) {
            EvidenceRecord record = reader.record(e);
            if (record instanceof CaptureRecord c) {
                CaptureSection.write(out, e, c, depictions);
            } else if (record instanceof ItemRecord i) {
                ItemSection.write(out, e, i, depictions, reader.files(), contained);
            }
        }
        TimelineSection.write(out, reader, entries);
        CustodySection.write(out, reader);
        VerifyInstructions.write(out, info, bundleName, entries, verifyTxt(reader));
        CertificationPage.write(out, info, version, CaptureSection.text(env.browser()), entries, sealValues);
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
        if (!reader.files().sealed() || !reader.files().exists(BundleLayout.VERIFY)) {
            return null;
        }
        return new String(reader.files().readSmall(BundleLayout.VERIFY, 16 << 20), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
    }

    /** The environment of the first capture that recorded one (all captures of a case share a machine). */
    private CaptureRecord.Environment environment() throws IOException {
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.CAPTURE && reader.record(e) instanceof CaptureRecord c
                    && c.environment() != null) {
                return c.environment();
            }
        }
        return new CaptureRecord.Environment(null, null, null, null, null, null, null, null, null);
    }
}
