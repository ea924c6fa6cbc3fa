package org.exhibit.report.layout;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.exhibit.report.depiction.Depiction;

/**
 * Plain text, wrapped at 78 columns, for notices meant to be pasted into a web form or an e-mail. Images are
 * named by their label only. Hashes are never wrapped: a value that is one token stays on one line.
 */
public final class TextSink implements ReportSink {
    private static final int WIDTH = 78;
    private final Writer out;

    public TextSink(Writer out) {
        this.out = out;
    }

    @Override
    public void heading(int level, String text) throws IOException {
        out.write(level <= 2 ? "\n" : "");
        out.write(text + "\n");
        if (level <= 2) {
            out.write((level == 1 ? "=" : "-").repeat(Math.min(WIDTH, text.length())) + "\n");
        }
        out.write("\n");
    }

    @Override
    public void paragraph(String text) throws IOException {
        write(LineBreaker.wrap(text, WIDTH, String::length), "");
        out.write("\n");
    }

    @Override
    public void notice(String text) throws IOException {
        write(LineBreaker.wrap(text, WIDTH - 2, String::length), "! ");
        out.write("\n");
    }

    @Override
    public void fields(List<Field> fields) throws IOException {
        for (Field f : fields) {
            String value = f.value().isEmpty() ? "—" : f.value();
            if (f.label().length() + value.length() + 2 <= WIDTH && !value.contains("\n")) {
                out.write(f.label() + ": " + value + "\n");
            } else {
                out.write(f.label() + ":\n");
                write(LineBreaker.wrap(value, WIDTH - 4, String::length), "    ");
            }
        }
        out.write("\n");
    }

    /** A table as blocks: the first cell, then each other cell under its column's title, indented. */
    @Override
    public Table table(Column... columns) {
        return new Table() {
            @Override
            public void row(String... cells) throws IOException {
                for (int i = 0; i < columns.length; i++) {
                    String cell = i < cells.length && cells[i] != null ? cells[i] : "";
                    if (i == 0) {
                        List<String> lines = LineBreaker.wrap(cell, WIDTH, String::length);
                        out.write(lines.get(0) + "\n");
                        write(lines.subList(1, lines.size()), "   ");
                    } else if (!cell.isEmpty()) {
                        out.write("   " + columns[i].title() + ":\n");
                        write(LineBreaker.wrap(cell, WIDTH - 5, String::length), "     ");
                    }
                }
                out.write("\n");
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void image(Depiction depiction) throws IOException {
        out.write("[image: " + depiction.label() + "]\n\n");
    }

    @Override
    public void strip(List<Depiction> frames, List<String> captions) throws IOException {
        out.write("[" + frames.size() + " frames, " + String.join(", ", captions) + ": "
                + (frames.isEmpty() ? "" : frames.get(0).label()) + "]\n\n");
    }

    @Override
    public void preformatted(List<String> lines) throws IOException {
        for (String line : lines) {
            out.write("    " + line + "\n");
        }
        out.write("\n");
    }

    @Override
    public void pageBreak() throws IOException {
        out.write("\n");
    }

    private void write(List<String> lines, String indent) throws IOException {
        for (String line : lines) {
            out.write(indent + line + "\n");
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
