package org.exhibit.report.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.exhibit.report.depiction.Depiction;

/**
 * A paginated A4 PDF made with PDFBox: fonts embedded, text selectable, tables that continue on the next
 * page with their header. Pages are laid out as content arrives and their streams kept in a temporary
 * file (PDFBox's temp-file stream cache), so a report of hundreds of captures runs in bounded memory.
 * The file appears at its path only once complete.
 */
public final class PdfSink implements ReportSink {
    private static final float BODY = 9f;
    private static final float SMALL = 8f;
    private static final float MONO = 7.6f;
    /** Longer side, in points, at which a blurred depiction is drawn. */
    private static final float BLURRED_DISPLAY = 220f;
    /** Gap, in points, between the frames of a strip; and the tallest a frame is drawn. */
    private static final float STRIP_GAP = 6f;
    private static final float STRIP_HEIGHT = 90f;

    private final Path target;
    private final PDDocument doc;
    private final PdfFonts fonts;
    private final PdfPages pages;
    private boolean complete;

    public PdfSink(Path target, String title) throws IOException {
        this.target = target;
        this.doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        this.fonts = new PdfFonts(doc);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Exhibit");
        this.pages = new PdfPages(doc, fonts, title);
    }

    @Override
    public void heading(int level, String text) throws IOException {
        float size = level <= 1 ? 16f : level == 2 ? 13f : 10.5f;
        float before = level <= 1 ? 0 : level == 2 ? 14f : 9f;
        List<String> lines = wrap(fonts.bold, size, text, pages.width());
        pages.space(before);
        pages.keep(lines.size() * size * 1.3f + 4 * BODY * 1.3f);
        for (String line : lines) {
            pages.line(fonts.bold, size, PdfPages.LEFT, line, size * 1.3f);
        }
        pages.space(3f);
    }

    @Override
    public void paragraph(String text) throws IOException {
        for (String line : wrap(fonts.regular, BODY, text, pages.width())) {
            pages.line(fonts.regular, BODY, PdfPages.LEFT, line, BODY * 1.35f);
        }
        pages.space(5f);
    }

    @Override
    public void notice(String text) throws IOException {
        float inset = 6f;
        List<String> lines = wrap(fonts.bold, BODY, text, pages.width() - 2 * inset);
        float h = lines.size() * BODY * 1.35f + 2 * inset;
        pages.keep(Math.min(h, pages.fullHeight()));
        pages.box(h, 0.65f, 0.2f, 0.2f);
        pages.space(inset);
        for (String line : lines) {
            pages.line(fonts.bold, BODY, PdfPages.LEFT + inset, line, BODY * 1.35f);
        }
        pages.space(inset + 6f);
    }

    @Override
    public void fields(List<Field> fields) throws IOException {
        float label = 130f;
        PdfTable table = new PdfTable(pages, fonts, new float[] {label, pages.width() - label}, null);
        for (Field f : fields) {
            table.row(List.of(new PdfTable.Cell(f.label(), fonts.bold, SMALL),
                    new PdfTable.Cell(f.value(), f.mono() ? fonts.mono : fonts.regular, f.mono() ? MONO : SMALL)));
        }
        pages.space(7f);
    }

    @Override
    public Table table(Column... columns) throws IOException {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        float[] widths = new float[columns.length];
        List<PdfTable.Cell> header = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            widths[i] = pages.width() * columns[i].weight() / total;
            header.add(new PdfTable.Cell(columns[i].title(), fonts.bold, SMALL));
        }
        widenForHashes(columns, widths);
        PdfTable table = new PdfTable(pages, fonts, widths, header);
        table.header();
        return new Table() {
            @Override
            public void row(String... cells) throws IOException {
                List<PdfTable.Cell> row = new ArrayList<>(columns.length);
                for (int i = 0; i < columns.length; i++) {
                    String text = i < cells.length && cells[i] != null ? cells[i] : "";
                    row.add(columns[i].mono() ? new PdfTable.Cell(text, fonts.mono, MONO)
                            : new PdfTable.Cell(text, fonts.regular, SMALL));
                }
                table.row(row);
            }

            @Override
            public void close() {
                pages.space(7f);
            }
        };
    }

    @Override
    public void image(Depiction d) throws IOException {
        PDImageXObject image = d.blurred() ? LosslessFactory.createFromImage(doc, d.image())
                : JPEGFactory.createFromImage(doc, d.image(), 0.85f);
        float w;
        float h;
        if (d.blurred()) {
            float scale = BLURRED_DISPLAY / Math.max(d.width(), d.height());
            w = d.width() * scale;
            h = d.height() * scale;
        } else {
            float scale = Math.min(1f, Math.min(pages.width() / d.width(), (pages.fullHeight() - 30f) / d.height()));
            w = d.width() * scale;
            h = d.height() * scale;
        }
        pages.keep(h + 20f);
        pages.image(image, w, h);
        for (String line : wrap(fonts.bold, SMALL, d.label(), pages.width())) {
            pages.line(fonts.bold, SMALL, PdfPages.LEFT, line, SMALL * 1.4f, 0.6f, 0.15f, 0.15f);
        }
        pages.space(8f);
    }

    @Override
    public void strip(List<Depiction> frames, List<String> captions) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        float cell = (pages.width() - STRIP_GAP * (frames.size() - 1)) / frames.size();
        List<PDImageXObject> images = new ArrayList<>();
        float tallest = 0;
        float[] w = new float[frames.size()];
        float[] h = new float[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            Depiction d = frames.get(i);
            images.add(d.blurred() ? LosslessFactory.createFromImage(doc, d.image())
                    : JPEGFactory.createFromImage(doc, d.image(), 0.85f));
            float scale = Math.min(cell / d.width(), STRIP_HEIGHT / d.height());
            w[i] = d.width() * scale;
            h[i] = d.height() * scale;
            tallest = Math.max(tallest, h[i]);
        }
        pages.keep(tallest + SMALL * 3f + 8f);
        for (int i = 0; i < frames.size(); i++) {
            pages.imageAt(images.get(i), i * (cell + STRIP_GAP), w[i], h[i]);
        }
        pages.down(tallest + 3f);
        float baseline = pages.y() - SMALL;
        for (int i = 0; i < frames.size() && i < captions.size(); i++) {
            String caption = fonts.printable(fonts.regular, captions.get(i));
            pages.text(fonts.regular, SMALL, PdfPages.LEFT + i * (cell + STRIP_GAP), baseline, caption);
        }
        pages.down(SMALL * 1.5f);
        for (String line : wrap(fonts.bold, SMALL, frames.get(0).label(), pages.width())) {
            pages.line(fonts.bold, SMALL, PdfPages.LEFT, line, SMALL * 1.4f, 0.6f, 0.15f, 0.15f);
        }
        pages.space(8f);
    }

    @Override
    public void preformatted(List<String> lines) throws IOException {
        for (String text : lines) {
            for (String line : wrap(fonts.mono, MONO, text, pages.width() - 8f)) {
                pages.line(fonts.mono, MONO, PdfPages.LEFT + 4f, line, MONO * 1.45f);
            }
        }
        pages.space(6f);
    }

    @Override
    public void pageBreak() throws IOException {
        pages.newPage();
    }

    /** Widens fixed-width columns to hold a 64-character hash on one line, taking the room from the others. */
    private void widenForHashes(Column[] columns, float[] widths) {
        float need = PdfFonts.width(fonts.mono, MONO, "0".repeat(64)) + 2 * PdfTable.PAD + 1f;
        float extra = 0;
        float others = 0;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].mono() && widths[i] < need) {
                extra += need - widths[i];
                widths[i] = need;
            } else if (!columns[i].mono()) {
                others += widths[i];
            }
        }
        if (extra == 0 || others <= extra) {
            return;
        }
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].mono()) {
                widths[i] -= extra * widths[i] / others;
            }
        }
    }

    private List<String> wrap(PDFont font, float size, String text, float width) {
        return LineBreaker.wrap(fonts.printable(font, text), width, s -> PdfFonts.width(font, size, s));
    }

    @Override
    public void complete() {
        complete = true;
    }

    /** Lays out the last page and writes the file (beside the target, then moved over it), if complete. */
    @Override
    public void close() throws IOException {
        try (doc) {
            if (!complete) {
                return;
            }
            pages.finish();
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                doc.save(tmp.toFile());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
