package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.Depiction;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.Nodes;

/** Finds the image a section shows (a capture's screenshot, an item's original) and depicts it, one at a time. */
final class Depictions {
    private final CaseFiles files;
    private final Depicter depicter;

    Depictions(CaseFiles files, Depicter depicter) {
        this.files = files;
        this.depicter = depicter;
    }

    /** The artifact with the first of {@code roles} that is listed, or null. */
    static JsonNode pick(JsonNode artifacts, String... roles) {
        for (String role : roles) {
            for (JsonNode a : artifacts) {
                if (role.equals(Nodes.text(a, "role"))) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Writes the depiction of {@code artifact} (in {@code folder}) with a caption naming the file and its hash. */
    void write(ReportSink out, String folder, JsonNode artifact) throws IOException {
        if (artifact == null) {
            out.paragraph("No screenshot or image is listed in this record.");
            return;
        }
        String path = folder + "/" + Nodes.text(artifact, "path");
        out.paragraph("Depicted: " + Nodes.text(artifact, "path") + " (SHA-256 " + Nodes.text(artifact, "sha256")
                + "). The file in the case is unchanged; this picture is computed from it for the report.");
        if (!files.exists(path)) {
            out.notice("The file " + path + " is listed but missing from the case.");
            return;
        }
        Optional<Depiction> d;
        try (InputStream in = files.open(path)) {
            d = depicter.depict(in, artifact.path("exif").path("orientation").asInt(0));
        }
        if (d.isPresent()) {
            out.image(d.get());
        } else {
            out.paragraph("(" + path + " could not be decoded as an image; it is listed with its hash below.)");
        }
    }
}
