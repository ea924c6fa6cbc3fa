package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/** One ingested item: the original file as received, its hashes and, for an image, its depiction. */
final class ItemSection {
    private ItemSection() {
    }

    static void write(ReportSink out, Entry e, JsonNode r, Depictions depictions) throws IOException {
        out.pageBreak();
        out.heading(2, "Item " + e.id() + ": " + Nodes.text(r, "originalName"));
        long size = r.path("size").asLong(-1);
        out.fields(List.of(
                Field.text("Original name", Nodes.text(r, "originalName")),
                Field.text("Source (as stated)", Nodes.text(r, "source")),
                Field.text("Media type", Nodes.text(r, "mediaType")),
                Field.text("Size", size < 0 ? "" : Nodes.bytes(size)),
                Field.mono("SHA-256", Nodes.text(r, "sha256")),
                Field.text("Original modified (UTC)", Nodes.utc(Nodes.instant(r, "originalModified"))),
                Field.text("Ingested (UTC)", Nodes.utc(Nodes.instant(r, "ingestedAt"))),
                Field.text("TSA time", e.stampText()),
                Field.text("Ingested by", Nodes.text(r, "ingestedBy", "name")),
                Field.mono("Ingested by cert SHA-256", Nodes.text(r, "ingestedBy", "fingerprint")),
                Field.mono("item.json SHA-256", e.recordSha256()),
                Field.text("Warnings", CaptureSection.lines(r.path("warnings")))));
        JsonNode original = Depictions.pick(r.path("artifacts"), "original");
        if (original != null && Nodes.text(original, "mediaType").startsWith("image/")) {
            depictions.write(out, e.folder(), original);
        }
        ArtifactTables.write(out, r.path("artifacts"));
    }
}
