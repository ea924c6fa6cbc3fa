package org.exhibit.report.layout;

import java.io.IOException;
import java.util.List;
import org.exhibit.report.depiction.Depiction;

/**
 * Writes the same content to two sinks at once, so that the HTML and the PDF of a report are made in one pass:
 * each record is read and each image decoded once, not once per format.
 */
public final class TeeSink implements ReportSink {
    private final ReportSink first;
    private final ReportSink second;

    public TeeSink(ReportSink first, ReportSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void heading(int level, String text) throws IOException {
        first.heading(level, text);
        second.heading(level, text);
    }

    @Override
    public void paragraph(String text) throws IOException {
        first.paragraph(text);
        second.paragraph(text);
    }

    @Override
    public void notice(String text) throws IOException {
        first.notice(text);
        second.notice(text);
    }

    @Override
    public void fields(List<Field> fields) throws IOException {
        first.fields(fields);
        second.fields(fields);
    }

    @Override
    public Table table(Column... columns) throws IOException {
        Table a = first.table(columns);
        Table b = second.table(columns);
        return new Table() {
            @Override
            public void row(String... cells) throws IOException {
                a.row(cells);
                b.row(cells);
            }

            @Override
            public void close() throws IOException {
                try (b) {
                    a.close();
                }
            }
        };
    }

    @Override
    public void image(Depiction depiction) throws IOException {
        first.image(depiction);
        second.image(depiction);
    }

    @Override
    public void strip(List<Depiction> frames, List<String> captions) throws IOException {
        first.strip(frames, captions);
        second.strip(frames, captions);
    }

    @Override
    public void preformatted(List<String> lines) throws IOException {
        first.preformatted(lines);
        second.preformatted(lines);
    }

    @Override
    public void pageBreak() throws IOException {
        first.pageBreak();
        second.pageBreak();
    }

    @Override
    public void complete() throws IOException {
        first.complete();
        second.complete();
    }

    @Override
    public void close() throws IOException {
        try (second) {
            first.close();
        }
    }
}
