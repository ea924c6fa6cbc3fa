package org.exhibit.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseFiles;

/** The text OCR read in an item's image ({@code derived/ocr.txt}), shown as what it is: machine-read. */
final class OcrSection {
    /** More than this is left to the file itself. */
    private static final int LIMIT = 64 * 1024;

    private OcrSection() {
    }

    static void write(ReportSink out, CaseFiles files, String folder, List<Artifact> artifacts) throws IOException {
        Artifact a = Depictions.pick(artifacts, ItemFolder.ROLE_OCR);
        if (a == null) {
            return;
        }
        String path = folder + "/" + a.path();
        if (!files.exists(path)) {
            out.notice("The file " + path + " is listed but missing from the case.");
            return;
        }
        byte[] bytes;
        try (InputStream in = files.open(path)) {
            bytes = in.readNBytes(LIMIT + 1);
        }
        boolean cut = bytes.length > LIMIT;
        String text = new String(bytes, 0, Math.min(bytes.length, LIMIT), StandardCharsets.UTF_8);
        out.heading(3, "Text read by OCR (machine-read)");
        Artifact.Ocr o = a.ocr();
        out.paragraph("Recognised by " + (o == null ? "OCR" : o.engine() + " (" + o.languages() + ")") + " in "
                + (o == null ? "the image" : o.image()) + (o == null ? "" : String.format(Locale.ROOT,
                ": %d words, mean confidence %.1f of 100", o.words(), o.meanConfidence()))
                + ". A machine read this text and no person checked it: compare it with the image. Kept in "
                + a.path() + " (SHA-256 " + a.sha256() + "); the image is unchanged.");
        List<String> lines = text.lines().toList();
        out.preformatted(lines.isEmpty() ? List.of("(no text recognised)") : lines);
        if (cut) {
            out.paragraph("(the text goes on in " + a.path() + ")");
        }
    }
}
