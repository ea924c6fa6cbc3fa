package org.exhibit.report.layout;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The page being written and the cursor on it: starts pages as content needs them (each with its footer),
 * and offers the few drawing primitives the sinks use. Text given here is already printable in its font.
 */
final class PdfPages {
    static final float LEFT = 50f;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float TOP = SIZE.getHeight() - 50f;
    private static final float BOTTOM = 52f;

    private final PDDocument doc;
    private final PdfFonts fonts;
    private final String footer;
    private PDPageContentStream cs;
    private float y;
    private int number;

    PdfPages(PDDocument doc, PdfFonts fonts, String footer) {
        this.doc = doc;
        this.fonts = fonts;
        this.footer = fonts.printable(fonts.regular, footer.replace('\n', ' '));
    }

    float width() {
        return SIZE.getWidth() - 2 * LEFT;
    }

    float fullHeight() {
        return TOP - BOTTOM;
    }

    float y() {
        started();
        return y;
    }

    float bottom() {
        return BOTTOM;
    }

    boolean atTop() {
        return cs == null || y >= TOP;
    }

    PDPageContentStream stream() throws IOException {
        started();
        return cs;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(SIZE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        number++;
        y = TOP;
        String text = footer + " — page " + number;
        float w = PdfFonts.width(fonts.regular, 7f, text);
        cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
        text(fonts.regular, 7f, (SIZE.getWidth() - w) / 2, 30f, text);
        cs.setNonStrokingColor(0f, 0f, 0f);
    }

    private void started() {
        if (cs == null) {
            try {
                newPage();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Starts a new page unless {@code height} fits below the cursor (or the page is still empty). */
    void keep(float height) throws IOException {
        started();
        if (y - height < BOTTOM && !atTop()) {
            newPage();
        }
    }

    void space(float height) {
        if (!atTop()) {
            y -= height;
        }
    }

    void down(float height) {
        y -= height;
    }

    void line(PDFont font, float size, float x, String text, float leading) throws IOException {
        line(font, size, x, text, leading, 0f, 0f, 0f);
    }

    void line(PDFont font, float size, float x, String text, float leading, float r, float g, float b)
            throws IOException {
        keep(leading);
        cs.setNonStrokingColor(r, g, b);
        text(font, size, x, y - size, text);
        cs.setNonStrokingColor(0f, 0f, 0f);
        y -= leading;
    }

    void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    /** A frame of {@code height} below the cursor across the text width (drawn before its content). */
    void box(float height, float r, float g, float b) throws IOException {
        started();
        cs.setStrokingColor(r, g, b);
        cs.setLineWidth(1.5f);
        cs.addRect(LEFT, y - height, width(), height);
        cs.stroke();
        cs.setStrokingColor(0f, 0f, 0f);
    }

    /** Draws an image with its top at the cursor and its left edge {@code dx} from the margin; the cursor stays. */
    void imageAt(PDImageXObject image, float dx, float w, float h) throws IOException {
        started();
        cs.drawImage(image, LEFT + dx, y - h, w, h);
    }

    void image(PDImageXObject image, float w, float h) throws IOException {
        keep(h);
        cs.drawImage(image, LEFT, y - h, w, h);
        y -= h + 4f;
    }

    void finish() throws IOException {
        started();
        cs.close();
    }
}
