package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Nodes;

/** The artifacts of a capture or item: every file with its size and SHA-256, then each image's PDQ and EXIF. */
final class ArtifactTables {
    private ArtifactTables() {
    }

    static void write(ReportSink out, JsonNode artifacts) throws IOException {
        if (!artifacts.isArray() || artifacts.isEmpty()) {
            out.paragraph("No artifacts are listed in this record.");
            return;
        }
        out.heading(3, "Artifacts (" + artifacts.size() + " files)");
        try (ReportSink.Table t = out.table(Column.text("Path (role)", 2.0f), Column.text("Size", 0.8f),
                Column.mono("SHA-256", 4.3f))) {
            for (JsonNode a : artifacts) {
                String size = a.path("size").isNumber() ? Nodes.bytes(a.path("size").asLong()) : Nodes.text(a, "size");
                String role = Nodes.text(a, "role");
                t.row(Nodes.text(a, "path") + (role.isEmpty() ? "" : "\n(" + role + ")"), size, Nodes.text(a, "sha256"));
            }
        }
        List<JsonNode> images = new ArrayList<>();
        for (JsonNode a : artifacts) {
            if (a.hasNonNull("pdq") || a.hasNonNull("exif")) {
                images.add(a);
            }
        }
        if (images.isEmpty()) {
            return;
        }
        out.heading(3, "Images: perceptual hash (PDQ) and EXIF/GPS");
        try (ReportSink.Table t = out.table(Column.text("Image, EXIF/GPS summary", 2.7f), Column.mono("PDQ hash", 4.3f))) {
            for (JsonNode a : images) {
                String quality = Nodes.text(a, "pdq", "quality");
                String what = Nodes.text(a, "path") + (Nodes.text(a, "url").isEmpty() ? "" : "\nfrom " + Nodes.text(a, "url"))
                        + (quality.isEmpty() ? "" : "\nPDQ quality " + quality
                        + (a.path("pdq").path("quality").asInt(100) < 50 ? " (too low for reliable matching)" : ""))
                        + "\n" + exif(a.path("exif"));
                t.row(what, Nodes.text(a, "pdq", "hash"));
            }
        }
    }

    /** "Make: Canon; GPS: 48.85, 2.29; ..." — the EXIF summary flattened to one line. */
    static String exif(JsonNode exif) {
        if (!exif.isObject() || exif.isEmpty()) {
            return "EXIF: none";
        }
        StringBuilder b = new StringBuilder("EXIF: ");
        for (Map.Entry<String, JsonNode> e : exif.properties()) {
            if (b.length() > 6) {
                b.append("; ");
            }
            JsonNode v = e.getValue();
            b.append(e.getKey()).append(": ").append(v.isValueNode() ? v.asText() : v.toString());
        }
        return b.toString();
    }
}
