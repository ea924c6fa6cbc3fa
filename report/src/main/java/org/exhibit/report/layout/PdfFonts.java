package org.exhibit.report.layout;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The DejaVu fonts shipped with Exhibit (resources {@code org/exhibit/report/fonts}, Bitstream Vera licence),
 * embedded as subsets in each PDF so that it prints and its text copies the same on any machine. Characters
 * the fonts lack print as '?', never as an error.
 */
final class PdfFonts {
    final PDFont regular;
    final PDFont bold;
    final PDFont mono;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();

    PdfFonts(PDDocument doc) throws IOException {
        regular = load(doc, "DejaVuSans.ttf");
        bold = load(doc, "DejaVuSans-Bold.ttf");
        mono = load(doc, "DejaVuSansMono.ttf");
    }

    private static PDFont load(PDDocument doc, String name) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/org/exhibit/report/fonts/" + name)) {
            if (in == null) {
                throw new IOException("expected the font " + name + " among Exhibit's resources, got none");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** The text with control characters as spaces and characters the font cannot show as '?'. */
    String printable(PDFont font, String text) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (cp < ' ' || (cp >= 0x7f && cp < 0xa0)) {
                b.append(' ');
            } else if (known.computeIfAbsent(cp, c -> encodes(font, c))) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static boolean encodes(PDFont font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static float width(PDFont font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000f * size;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
