package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.exhibit.capture.SampleSiteServer;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forum thread on 127.0.0.1 shows the victim's photo (re-encoded and resized by the "site") among other users'
 * avatars and the site's icon, captured with a real Chromium: the notice drafted from the victim's hash list names
 * the photo and the page showing it, and not the avatars or the icon.
 */
class TakedownCaptureTest {
    @TempDir
    static Path tmp;
    static Path home;
    static Path dir;
    static Path list;
    static String page;
    static String upload;

    @BeforeAll
    static void captureTheThread() throws Exception {
        Path vectors = TestData.pdqVectors();
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(site.resolve("avatars"));
        Files.createDirectories(site.resolve("media"));
        reencode(vectors.resolve("bridge-1-original.jpg"), site.resolve("media/upload-77.jpg"), 0.8, 0.55f);
        String[] others = {"q0003.jpg", "q0122.jpg", "q0746.jpg", "q2821.jpg"};
        StringBuilder posts = new StringBuilder();
        for (int i = 0; i < others.length; i++) {
            reencode(vectors.resolve(others[i]), site.resolve("avatars/user" + i + ".jpg"), 0.25, 0.8f);
            posts.append("<div class=post><img class=avatar src=\"avatars/user").append(i)
                    .append(".jpg\" width=48 height=48><b>user").append(i).append("</b><p>Reply number ").append(i)
                    .append("</p></div>\n");
        }
        BufferedImage icon = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                icon.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        ImageIO.write(icon, "png", site.resolve("favicon.png").toFile());
        Files.writeString(site.resolve("thread.html"), """
                <!doctype html><html><head><meta charset=utf-8><title>Thread 77</title>
                <link rel="icon" href="favicon.png"></head><body>
                <div class=post><img class=avatar src="avatars/user0.jpg" width=48 height=48><b>poster</b>
                <p>look what I found</p><img src="media/upload-77.jpg" width=400></div>
                %s</body></html>
                """.formatted(posts));
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.copy(vectors.resolve("bridge-1-original.jpg"), mine.resolve("me.jpg"));

        home = tmp.resolve("home");
        dir = tmp.resolve("cases/2026-021");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-021").exit()).isZero();
        try (SampleSiteServer server = SampleSiteServer.start(site)) {
            page = server.base() + "/thread.html";
            upload = server.base() + "/media/upload-77.jpg";
            Cli capture = Cli.run(home, null, "capture", "--case", dir.toString(), "--tsa", "local", "--no-videos", page);
            assertThat(capture.exit()).as(capture.err()).isZero();
        }
        list = tmp.resolve("mine.csv");
        Cli hashes = Cli.run(home, null, "hashes", "--files", mine.resolve("me.jpg").toString(), "-o", list.toString());
        assertThat(hashes.exit()).as(hashes.err()).isZero();
    }

    /** The image scaled by {@code scale} and saved as JPEG at {@code quality}: a copy as a site would serve it. */
    static void reencode(Path from, Path to, double scale, float quality) throws Exception {
        BufferedImage src = ImageIO.read(from.toFile());
        int w = Math.max(8, (int) (src.getWidth() * scale));
        int h = Math.max(8, (int) (src.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        try (ImageOutputStream s = ImageIO.createImageOutputStream(to.toFile())) {
            writer.setOutput(s);
            writer.write(null, new IIOImage(out, null, null), p);
        } finally {
            writer.dispose();
        }
    }

    static String pdfText(Path pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    static String flat(Path file) throws Exception {
        return Files.readString(file).replaceAll("\\s+", " ");
    }

    @Test
    void theNoticeFromTheHashListNamesTheVictimsImageAndItsPageNotTheAvatarsOrTheIcon() throws Exception {
        String record = Files.readString(dir.resolve("data/captures/0001/capture.json"));
        assertThat(record).as("the page loaded the avatars: a notice of every resource would name them")
                .contains("/avatars/user1.jpg", "/avatars/user3.jpg");
        Path out = tmp.resolve("notices");
        Cli takedown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--hashes", list.toString(),
                "-o", out.toString());
        assertThat(takedown.exit()).as(takedown.err()).isZero();
        String notice = flat(out.resolve("takedown-127.0.0.1.txt"));
        assertThat(notice).contains("1. " + upload, "image/jpeg", "shown on " + page, "(capture 0001)",
                        "matches the hash list: PDQ distance ", " of 256 bits to me.jpg (31 or less is a match)",
                        "1 item(s) on 127.0.0.1")
                .doesNotContain("avatars/", "favicon", "2. ");
        assertThat(flat(out.resolve("search-delisting.txt"))).contains(upload, page).doesNotContain("avatars/", "favicon");
        assertThat(pdfText(out.resolve("takedown-127.0.0.1.pdf"))).contains(upload).doesNotContain("avatars/");
    }

    @Test
    void onlyNamesTheChosenImageWithItsPageAndHash() throws Exception {
        Path out = tmp.resolve("only");
        Cli takedown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--only", upload, "-o", out.toString());
        assertThat(takedown.exit()).as(takedown.err()).isZero();
        String sha = org.exhibit.integrity.digest.Sha256.of(tmp.resolve("site/media/upload-77.jpg")).hex();
        String notice = flat(out.resolve("takedown-127.0.0.1.txt"));
        assertThat(notice).contains(upload, "shown on " + page, sha).doesNotContain("avatars/", "favicon",
                "matches the hash list");
    }
}
