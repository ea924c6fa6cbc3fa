package org.exhibit.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.Depiction;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseFiles;
import java.util.List;
import org.exhibit.format.record.Artifact;

/** Finds the image a section shows (a capture's screenshot, an item's original) and depicts it, one at a time. */
final class Depictions {
    private final CaseFiles files;
    private final Depicter depicter;

    Depictions(CaseFiles files, Depicter depicter) {
        this.files = files;
        this.depicter = depicter;
    }

    /** The artifact with the first of {@code roles} that is listed, or null. */
    static Artifact pick(List<Artifact> artifacts, String... roles) {
        for (String role : roles) {
            for (Artifact a : artifacts == null ? List.<Artifact>of() : artifacts) {
                if (role.equals(a.role())) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Writes the depiction of {@code artifact} (in {@code folder}) with a caption naming the file and its hash. */
    void write(ReportSink out, String folder, Artifact artifact) throws IOException {
        if (artifact == null) {
            out.paragraph("No screenshot or image is listed in this record.");
            return;
        }
        String path = folder + "/" + artifact.path();
        out.paragraph("Depicted: " + artifact.path() + " (SHA-256 " + artifact.sha256()
                + "). The file in the case is unchanged; this picture is computed from it for the report.");
        if (!files.exists(path)) {
            out.notice("The file " + path + " is listed but missing from the case.");
            return;
        }
        Optional<Depiction> d;
        try (InputStream in = files.open(path)) {
            d = depicter.depict(in, orientation(artifact));
        }
        if (d.isPresent()) {
            out.image(d.get());
        } else {
            out.paragraph("(" + path + " could not be decoded as an image; it is listed with its hash below.)");
        }
    }

    /** The EXIF orientation (1-8) the record noted, or 0. */
    private static int orientation(Artifact a) {
        Object o = a.exif() == null ? null : a.exif().get("orientation");
        return o instanceof Number n ? n.intValue() : 0;
    }
}
