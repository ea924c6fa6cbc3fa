package org.exhibit.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.exhibit.format.record.Artifact;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Nodes;

/** The artifacts of a capture or item: every file with its size and SHA-256, then each image's PDQ and EXIF. */
final class ArtifactTables {
    private ArtifactTables() {
    }

    static void write(ReportSink out, List<Artifact> artifacts) throws IOException {
        if (artifacts == null || artifacts.isEmpty()) {
            out.paragraph("No artifacts are listed in this record.");
            return;
        }
        out.heading(3, "Artifacts (" + artifacts.size() + " files)");
        try (ReportSink.Table t = out.table(Column.text("Path (role)", 2.0f), Column.text("Size", 0.8f),
                Column.mono("SHA-256", 4.3f))) {
            for (Artifact a : artifacts) {
                String role = CaptureSection.text(a.role());
                t.row(CaptureSection.text(a.path()) + (role.isEmpty() ? "" : "\n(" + role + ")"), Nodes.bytes(a.size()),
                        CaptureSection.text(a.sha256()));
            }
        }
        List<Artifact> images = artifacts.stream().filter(a -> a.pdq() != null || a.exif() != null).toList();
        if (images.isEmpty()) {
            return;
        }
        out.heading(3, "Images: perceptual hash (PDQ) and EXIF/GPS");
        try (ReportSink.Table t = out.table(Column.text("Image, EXIF/GPS summary", 2.7f), Column.mono("PDQ hash", 4.3f))) {
            for (Artifact a : images) {
                String what = a.path() + (a.url() == null ? "" : "\nfrom " + a.url())
                        + (a.pdq() == null ? "" : "\nPDQ quality " + a.pdq().quality()
                        + (a.pdq().reliable() ? "" : " (too low for reliable matching)"))
                        + "\n" + exif(a.exif());
                t.row(what, a.pdq() == null ? "" : CaptureSection.text(a.pdq().hash()));
            }
        }
    }

    /** "Make: Canon; GPS: 48.85, 2.29; ..." — the EXIF summary flattened to one line. */
    static String exif(Map<String, Object> exif) {
        if (exif == null || exif.isEmpty()) {
            return "EXIF: none";
        }
        StringBuilder b = new StringBuilder("EXIF: ");
        for (Map.Entry<String, Object> e : exif.entrySet()) {
            if (b.length() > 6) {
                b.append("; ");
            }
            b.append(e.getKey()).append(": ").append(e.getValue());
        }
        return b.toString();
    }
}
