package org.exhibit.report.layout;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import org.exhibit.report.depiction.Depiction;

/**
 * A self-contained HTML document streamed to a {@link Writer}: inline CSS, images as {@code data:} URIs, no
 * script, and a Content-Security-Policy that forbids the browser any request at all, so opening the report
 * (offline or not) contacts nothing. Evidence URLs are text, never links.
 */
public final class HtmlSink implements ReportSink {
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    /** Longer side, in CSS pixels, at which a blurred depiction is shown. */
    private static final int BLURRED_DISPLAY = 320;
    /** Longer side, in CSS pixels, of each frame of a strip: blurred ones enlarged to it, shown ones at most it. */
    private static final int STRIP_DISPLAY = 150;

    private final Writer out;

    public HtmlSink(Writer out, String title) throws IOException {
        this.out = out;
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n");
        out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        out.write("<title>" + escape(title) + "</title>\n<style>\n" + HtmlStyle.CSS + "</style>\n</head>\n<body>\n");
    }

    @Override
    public void heading(int level, String text) throws IOException {
        int h = Math.max(1, Math.min(3, level));
        out.write("<h" + h + ">" + escape(text) + "</h" + h + ">\n");
    }

    @Override
    public void paragraph(String text) throws IOException {
        out.write("<p>" + escape(text).replace("\n", "<br>") + "</p>\n");
    }

    @Override
    public void notice(String text) throws IOException {
        out.write("<div class=\"notice\">" + escape(text).replace("\n", "<br>") + "</div>\n");
    }

    @Override
    public void fields(List<Field> fields) throws IOException {
        out.write("<table class=\"fields\">\n");
        for (Field f : fields) {
            out.write("<tr><th>" + escape(f.label()) + "</th><td" + (f.mono() ? " class=\"mono\"" : "") + ">"
                    + escape(f.value()).replace("\n", "<br>") + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    @Override
    public Table table(Column... columns) throws IOException {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        out.write("<table class=\"grid\">\n<thead><tr>");
        for (Column c : columns) {
            out.write(String.format(java.util.Locale.ROOT, "<th style=\"width:%.1f%%\">%s</th>",
                    100 * c.weight() / total, escape(c.title())));
        }
        out.write("</tr></thead>\n<tbody>\n");
        return new Table() {
            @Override
            public void row(String... cells) throws IOException {
                out.write("<tr>");
                for (int i = 0; i < columns.length; i++) {
                    String cell = i < cells.length && cells[i] != null ? cells[i] : "";
                    out.write((columns[i].mono() ? "<td class=\"mono\">" : "<td>") + escape(cell).replace("\n", "<br>") + "</td>");
                }
                out.write("</tr>\n");
            }

            @Override
            public void close() throws IOException {
                out.write("</tbody>\n</table>\n");
            }
        };
    }

    @Override
    public void image(Depiction d) throws IOException {
        String cls = d.blurred() ? "blurred" : "shown";
        int w = d.width();
        int h = d.height();
        if (d.blurred()) {
            double scale = BLURRED_DISPLAY / (double) Math.max(w, h);
            w = (int) Math.round(w * scale);
            h = (int) Math.round(h * scale);
        }
        out.write("<figure class=\"" + cls + "\"><img class=\"" + cls + "\" width=\"" + w + "\" height=\"" + h
                + "\" alt=\"" + escape(d.label()) + "\" src=\"data:" + d.mediaType() + ";base64,");
        out.write(Base64.getEncoder().encodeToString(d.encoded()));
        out.write("\"><figcaption>" + escape(d.label()) + "</figcaption></figure>\n");
    }

    @Override
    public void strip(List<Depiction> frames, List<String> captions) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        out.write("<figure class=\"strip\">");
        for (int i = 0; i < frames.size(); i++) {
            Depiction d = frames.get(i);
            String cls = d.blurred() ? "blurred" : "shown";
            double scale = STRIP_DISPLAY / (double) Math.max(d.width(), d.height());
            if (!d.blurred()) {
                scale = Math.min(1.0, scale);
            }
            String caption = i < captions.size() ? captions.get(i) : "";
            out.write("<span class=\"frame\"><img class=\"" + cls + "\" width=\"" + Math.round(d.width() * scale)
                    + "\" height=\"" + Math.round(d.height() * scale) + "\" alt=\"" + escape(caption + ": " + d.label())
                    + "\" src=\"data:" + d.mediaType() + ";base64,");
            out.write(Base64.getEncoder().encodeToString(d.encoded()));
            out.write("\"><br>" + escape(caption) + "</span>");
        }
        out.write("<figcaption>" + escape(frames.get(0).label()) + "</figcaption></figure>\n");
    }

    @Override
    public void preformatted(List<String> lines) throws IOException {
        out.write("<pre>");
        for (String line : lines) {
            out.write(escape(line) + "\n");
        }
        out.write("</pre>\n");
    }

    @Override
    public void pageBreak() throws IOException {
        out.write("<div class=\"page-break\"></div>\n");
    }

    @Override
    public void close() throws IOException {
        out.write("</body>\n</html>\n");
        out.close();
    }

    /** Escapes text for element content and attribute values; drops control characters. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= ' ' || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
