package org.exhibit.report.layout;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.exhibit.report.depiction.Depiction;

/**
 * Where a report's content goes. Content is written once, in order, against this interface, so the HTML,
 * the PDF and the plain text of a report say the same thing. Implementations stream: nothing written
 * here is kept after it has been laid out.
 *
 * <pre>{@code
 * try (ReportSink out = new PdfSink(Path.of("report.pdf"), "Case 2026-017")) {
 *     out.heading(1, "Case 2026-017");
 *     out.fields(List.of(Field.text("Title", "Reposts of J.D."), Field.mono("SHA-256", hash)));
 *     try (Table t = out.table(Column.text("Path", 2), Column.mono("SHA-256", 4))) {
 *         t.row("screenshot-full.png", hash);
 *     }
 *     out.complete();
 * }
 * }</pre>
 */
public interface ReportSink extends Closeable {

    /** Level 1 is the document title, 2 a section, 3 a subsection. */
    void heading(int level, String text) throws IOException;

    void paragraph(String text) throws IOException;

    /** A boxed statement that must not be missed (templates, warnings, verdicts). */
    void notice(String text) throws IOException;

    /** Label/value pairs, one per line. */
    void fields(List<Field> fields) throws IOException;

    /** Starts a table; rows are laid out as they come and the table ends when closed. */
    Table table(Column... columns) throws IOException;

    /** An image depiction with its label under it. */
    void image(Depiction depiction) throws IOException;

    /**
     * Depictions side by side (the frames of a video), each with its caption under it ("at 1.6 s") and, once under
     * them all, the first depiction's label (they are all blurred or all shown).
     */
    void strip(List<Depiction> frames, List<String> captions) throws IOException;

    /** Lines kept as they are (commands to type), in a fixed-width font. */
    void preformatted(List<String> lines) throws IOException;

    /** Starts a new page in print (PDF, printed HTML); a blank line in text. */
    void pageBreak() throws IOException;

    /**
     * Marks the document as written whole. A {@link PdfSink} closed before this writes no file, so a failure
     * half-way never leaves a truncated report in place of a good one.
     */
    default void complete() throws IOException {
    }

    /** A table being written. */
    interface Table extends Closeable {
        void row(String... cells) throws IOException;

        @Override
        void close() throws IOException;
    }
}
