package org.exhibit.report.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A ruled table laid out row by row. A row that does not fit moves to the next page (whose table starts
 * with the header again); a row taller than a page is split across pages line by line.
 */
final class PdfTable {
    static final float PAD = 2.5f;

    /** A cell's text and how it is set. */
    record Cell(String text, PDFont font, float size) {
    }

    private final PdfPages pages;
    private final PdfFonts fonts;
    private final float[] widths;
    private final List<Cell> header;
    private float freshY = Float.NaN;

    PdfTable(PdfPages pages, PdfFonts fonts, float[] widths, List<Cell> header) {
        this.pages = pages;
        this.fonts = fonts;
        this.widths = widths;
        this.header = header;
    }

    void header() throws IOException {
        if (header != null) {
            List<List<String>> lines = wrap(header);
            float lead = leading(header);
            float h = height(lines, lead);
            pages.keep(h + 3 * lead);
            draw(header, lines, 0, count(lines), lead, true);
        }
    }

    void row(List<Cell> cells) throws IOException {
        List<List<String>> lines = wrap(cells);
        float lead = leading(cells);
        int total = count(lines);
        int from = 0;
        while (from < total) {
            int fit = (int) ((pages.y() - pages.bottom() - 2 * PAD) / lead);
            int need = total - from;
            int fullFit = (int) ((pages.fullHeight() - 4 * lead - 2 * PAD) / lead);
            boolean fresh = pages.atTop() || pages.y() >= freshY;
            if (fit < need && (fit < 1 || need <= fullFit) && !fresh) {
                pages.newPage();
                header();
                freshY = pages.y();
                continue;
            }
            int n = Math.max(1, Math.min(fit, need));
            draw(cells, lines, from, n, lead, false);
            from += n;
        }
    }

    private List<List<String>> wrap(List<Cell> cells) {
        List<List<String>> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            out.add(LineBreaker.wrap(fonts.printable(c.font(), c.text()), widths[i] - 2 * PAD,
                    s -> PdfFonts.width(c.font(), c.size(), s)));
        }
        return out;
    }

    private static float leading(List<Cell> cells) {
        float max = 0;
        for (Cell c : cells) {
            max = Math.max(max, c.size());
        }
        return max * 1.3f;
    }

    private static int count(List<List<String>> lines) {
        int n = 1;
        for (List<String> l : lines) {
            n = Math.max(n, l.size());
        }
        return n;
    }

    private static float height(List<List<String>> lines, float lead) {
        return count(lines) * lead + 2 * PAD;
    }

    private void draw(List<Cell> cells, List<List<String>> lines, int from, int n, float lead, boolean shaded)
            throws IOException {
        PDPageContentStream cs = pages.stream();
        float top = pages.y();
        float h = n * lead + 2 * PAD;
        float x = PdfPages.LEFT;
        cs.setLineWidth(0.5f);
        for (int i = 0; i < cells.size(); i++) {
            if (shaded) {
                cs.setNonStrokingColor(0.91f, 0.91f, 0.91f);
                cs.addRect(x, top - h, widths[i], h);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
            }
            cs.setStrokingColor(0.7f, 0.7f, 0.7f);
            cs.addRect(x, top - h, widths[i], h);
            cs.stroke();
            Cell c = cells.get(i);
            List<String> cellLines = lines.get(i);
            for (int k = 0; k < n && from + k < cellLines.size(); k++) {
                pages.text(c.font(), c.size(), x + PAD, top - PAD - k * lead - c.size(), cellLines.get(from + k));
            }
            x += widths[i];
        }
        cs.setStrokingColor(0f, 0f, 0f);
        pages.down(h);
    }
}
