package org.exhibit.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.report.depiction.ImageMode;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.HtmlSink;
import org.exhibit.report.layout.PdfSink;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.layout.TeeSink;
import org.exhibit.report.layout.TextFile;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;

/**
 * The case report for a judge, police officer or attorney: one self-contained HTML file and a PDF with the
 * same content, made from a case workspace or straight from a sealed bundle ZIP (read in place, never
 * extracted). Images are blurred unless {@link ImageMode#SHOWN} is asked for; the evidence is never altered.
 *
 * <pre>{@code
 * try (CaseReport report = CaseReport.open(Path.of("cases/2026-017"))) {
 *     List<Path> written = report.writeTo(Path.of("out"), ImageMode.BLURRED);   // report.html, report.pdf
 * }
 * }</pre>
 */
public final class CaseReport implements Closeable {
    private final CaseFiles files;
    private final CaseReader reader;
    private final CaseInfo info;
    private final List<Entry> entries;

    private CaseReport(CaseFiles files) throws IOException {
        this.files = files;
        this.reader = new CaseReader(files);
        this.info = reader.info();
        this.entries = reader.entries();
    }

    /** Opens a case workspace folder or a bundle ZIP. */
    public static CaseReport open(Path caseOrBundle) throws IOException {
        CaseFiles files = CaseFiles.open(caseOrBundle);
        try {
            return new CaseReport(files);
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Opens an encrypted bundle through its decryption (nothing in plaintext on disk). */
    public static CaseReport open(org.exhibit.integrity.crypt.DecryptedBundle bundle) throws IOException {
        CaseFiles files = CaseFiles.open(bundle);
        try {
            return new CaseReport(files);
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    public CaseInfo info() {
        return info;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Writes {@code report.html} and {@code report.pdf} into {@code dir} in one pass over the case (each record
     * read and each image decoded once); returns their paths.
     */
    public List<Path> writeTo(Path dir, ImageMode mode) throws IOException {
        return writeTo(dir, mode, null);
    }

    /**
     * As {@link #writeTo(Path, ImageMode)}, for a workspace about to be sealed with the report inside: the report
     * states {@code sealing}'s seal time and bundle name, and that it was written as part of sealing.
     *
     * @param sealing the seal, or null for a report of the case as it is
     * @throws IllegalStateException the report is read from a bundle, which is sealed already
     */
    public List<Path> writeTo(Path dir, ImageMode mode, Sealing sealing) throws IOException {
        if (sealing != null && files.sealed()) {
            throw new IllegalStateException("expected a case workspace to write a report for sealing, got the bundle "
                    + files.location());
        }
        Path html = dir.resolve(CaseLayout.REPORT_HTML);
        Path pdf = dir.resolve(CaseLayout.REPORT_PDF);
        TextFile.write(html, w -> {
            try (ReportSink both = new TeeSink(new HtmlSink(w, title()), new PdfSink(pdf, title()))) {
                write(both, mode, sealing);
                both.complete();
            }
        });
        return List.of(html, pdf);
    }

    /** Streams the HTML report to {@code out} (written beside it, then moved into place). */
    public void writeHtml(Path out, ImageMode mode) throws IOException {
        TextFile.write(out, w -> {
            try (ReportSink sink = new HtmlSink(w, title())) {
                write(sink, mode);
            }
        });
    }

    /** Lays out the PDF report page by page into {@code out}. */
    public void writePdf(Path out, ImageMode mode) throws IOException {
        try (ReportSink sink = new PdfSink(out, title())) {
            write(sink, mode);
            sink.complete();
        }
    }

    /** Writes the report's content to any sink. */
    public void write(ReportSink sink, ImageMode mode) throws IOException {
        write(sink, mode, null);
    }

    private void write(ReportSink sink, ImageMode mode, Sealing sealing) throws IOException {
        CaseInfo shown = sealing == null ? info : new CaseInfo(info.id(), info.title(), info.investigator(),
                info.created(), sealing.sealedAt(), info.exhibitVersion());
        new CaseReportContent(reader, shown, entries, sealValues(), sealing == null ? bundleName()
                : sealing.bundleName(), sealing != null).write(sink, mode, Producer.current(), Instant.now());
    }

    private String title() {
        return "Case " + info.id() + (info.title().isEmpty() ? "" : " — " + info.title());
    }

    private String bundleName() {
        return files.sealed() ? files.location().getFileName().toString() : info.id() + "-<seal time>.zip";
    }

    /** For a bundle: the SHA-256 of the ZIP and of the files that bind its content. */
    private List<Field> sealValues() throws IOException {
        List<Field> out = new ArrayList<>();
        if (!files.sealed()) {
            return out;
        }
        out.add(Field.mono("Bundle " + files.location().getFileName() + " SHA-256", Sha256.of(files.location()).hex()));
        for (String tag : List.of(BundleLayout.MANIFEST, BundleLayout.TAG_MANIFEST, BundleLayout.CUSTODY_MANIFEST)) {
            if (files.exists(tag)) {
                try (InputStream in = files.open(tag)) {
                    out.add(Field.mono(tag + " SHA-256", Sha256.of(in).hex()));
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
