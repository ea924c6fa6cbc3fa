package org.exhibit.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/** One ingested item: the original file as received, its hashes and, for an image, its depiction. */
final class ItemSection {
    private ItemSection() {
    }

    static void write(ReportSink out, Entry e, ItemRecord r, Depictions depictions, CaseFiles files,
                      Map<String, String> contained) throws IOException {
        out.pageBreak();
        out.heading(2, "Item " + e.id() + ": " + CaptureSection.text(r.originalName()));
        out.fields(List.of(
                Field.text("Original name", CaptureSection.text(r.originalName())),
                Field.text("Source (as stated)", CaptureSection.text(r.source())),
                Field.text("Media type", CaptureSection.text(r.mediaType())),
                Field.text("Size", Nodes.bytes(r.size())),
                Field.mono("SHA-256", CaptureSection.text(r.sha256())),
                Field.text("Original modified (UTC)", Nodes.utc(r.originalModified())),
                Field.text("Ingested (UTC)", Nodes.utc(r.ingestedAt())),
                Field.text("TSA time", e.stampText()),
                Field.text("Ingested by", r.ingestedBy() == null ? "" : r.ingestedBy().name()),
                Field.mono("Ingested by cert SHA-256", r.ingestedBy() == null ? "" : r.ingestedBy().fingerprint()),
                Field.mono(ItemFolder.RECORD + " SHA-256", e.recordSha256()),
                Field.text("Taken from", r.containedIn() == null ? "" : "item " + r.containedIn().item() + ", as "
                        + CaptureSection.text(r.containedIn().path())),
                Field.text("Warnings", CaptureSection.lines(r.warnings()))));
        Artifact original = Depictions.pick(r.artifacts(), ItemFolder.ROLE_ORIGINAL);
        if (original != null && CaptureSection.text(original.mediaType()).startsWith("image/")) {
            depictions.write(out, e.folder(), original);
        }
        OcrSection.write(out, files, e.folder(), r.artifacts());
        EmailSection.write(out, r.artifacts());
        ChatSection.write(out, files, e.folder(), r.id(), r.artifacts(), contained);
        ArtifactTables.write(out, r.artifacts());
    }
}
