import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;

/**
 * The benchmark corpus, generated once and reused (delete the folder to regenerate): OUT/web holds 1000
 * web-sized JPEGs (800x600 .. 1280x960); OUT/mixed/list.txt names 1000 mixed files an ingest might see:
 * 600 of those JPEGs, 200 chat exports (text, ~45 KB), 100 PDFs (two pages of text and a page with a photo,
 * author and dates set) and 100 videos (2 MB, an MP4 header and random bytes). Run with bench/run.sh or
 * bench/ingest-metadata.sh: {@code java -cp CP bench/MixedFiles.java OUT}.
 */
public final class MixedFiles {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        List<Path> web = webImages(Files.createDirectories(out.resolve("web")), 1000);
        Path dir = Files.createDirectories(out.resolve("mixed"));
        List<Path> mixed = new ArrayList<>(web.subList(0, 600));
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            Path p = dir.resolve(String.format("chat%03d.txt", i));
            if (!Files.exists(p)) {
                Files.writeString(p, ("12:0" + i % 10 + " someone: message number " + i + "\n").repeat(1500));
            }
            mixed.add(p);
        }
        for (int i = 0; i < 100; i++) {
            Path p = dir.resolve(String.format("letter%03d.pdf", i));
            if (!Files.exists(p)) {
                pdf(p, i, web.get(600 + i));
            }
            mixed.add(p);
        }
        for (int i = 0; i < 100; i++) {
            Path p = dir.resolve(String.format("clip%03d.mp4", i));
            if (!Files.exists(p)) {
                byte[] b = new byte[2_000_000];
                rnd.nextBytes(b);
                byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm',
                        'm', 'p', '4', '1'};
                System.arraycopy(head, 0, b, 0, head.length);
                Files.write(p, b);
            }
            mixed.add(p);
        }
        Files.write(dir.resolve("list.txt"), mixed.stream().map(p -> p.toAbsolutePath().toString()).toList());
        long bytes = 0;
        for (Path p : mixed) {
            bytes += Files.size(p);
        }
        System.out.printf("corpus: %d web JPEGs in %s; %d mixed files (%.0f MB) listed in %s%n", web.size(),
                out.resolve("web"), mixed.size(), bytes / 1e6, dir.resolve("list.txt"));
    }

    private static List<Path> webImages(Path dir, int count) throws IOException {
        Random rnd = new Random(42);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve(String.format("w%04d.jpg", i));
            out.add(p);
            int w = 800 + rnd.nextInt(481);
            int h = w * 3 / 4;
            Color from = new Color(rnd.nextInt());
            Color to = new Color(rnd.nextInt());
            long seed = rnd.nextLong();
            if (Files.exists(p)) {
                continue;
            }
            Random shapes = new Random(seed);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, from, w, h, to));
            g.fillRect(0, 0, w, h);
            for (int k = 0; k < 30; k++) {
                g.setColor(new Color(shapes.nextInt(), true));
                g.fillOval(shapes.nextInt(w), shapes.nextInt(h), 20 + shapes.nextInt(w / 3), 20 + shapes.nextInt(h / 3));
            }
            g.dispose();
            ImageIO.write(img, "jpg", p.toFile());
        }
        return out;
    }

    private static void pdf(Path file, int n, Path photo) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 0; page < 2; page++) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
                    s.beginText();
                    s.setFont(font, 10);
                    s.setLeading(13);
                    s.newLineAtOffset(60, 740);
                    for (int line = 0; line < 50; line++) {
                        s.showText("Letter " + n + ", page " + (page + 1) + ", line " + line
                                + ": the messages were sent from the account named in the complaint.");
                        s.newLine();
                    }
                    s.endText();
                }
            }
            PDPage p = new PDPage();
            doc.addPage(p);
            try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
                s.drawImage(JPEGFactory.createFromByteArray(doc, Files.readAllBytes(photo)), 60, 300, 480, 360);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor("Counsel " + n);
            info.setTitle("Letter " + n);
            info.setProducer("Exhibit bench");
            Calendar created = Calendar.getInstance();
            created.setTimeInMillis(1_750_000_000_000L + n * 86_400_000L);
            info.setCreationDate(created);
            doc.save(file.toFile());
        }
    }
}
