package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.metadata.vpdq.VpdqHash;
import org.exhibit.metadata.vpdq.VpdqHashFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video through every command, with real parts: a page on 127.0.0.1 links a synthetic clip that ffmpeg makes
 * here ({@code testsrc2} with a sine tone); {@code exhibit capture} keeps it with Chromium and the recording
 * proxy; then {@code hashes}, {@code match} against a victim's own clips (a re-encoded, resized cut of it and an
 * unrelated {@code mandelbrot} clip), {@code report} and {@code takedown} each show it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VideoEvidenceTest {
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(?:png|jpeg);base64,([A-Za-z0-9+/=]+)");
    @TempDir
    static Path tmp;
    static Path home;
    static Path dir;
    static Path clip;
    static String clipUrl;
    static String sha;
    static String md5;

    /** One capture for all the tests: the page and its linked clip, captured and timestamped by the local TSA. */
    @BeforeAll
    static void captureAPageThatLinksAClip() throws Exception {
        home = tmp.resolve("home");
        dir = tmp.resolve("cases/2026-017");
        clip = ffmpeg(tmp.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=8",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=8", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
        byte[] bytes = Files.readAllBytes(clip);
        sha = Sha256.of(clip).hex();
        md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017").exit()).isZero();

        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        site.createContext("/", ex -> serve(ex, "text/html; charset=utf-8", ("<!doctype html><html><head><title>"
                + "A post</title></head><body><p>New upload</p><a href=\"/clip.mp4\">clip</a></body></html>")
                .getBytes(StandardCharsets.UTF_8)));
        site.createContext("/clip.mp4", ex -> serve(ex, "video/mp4", bytes));
        site.start();
        try {
            String base = "http://127.0.0.1:" + site.getAddress().getPort();
            clipUrl = base + "/clip.mp4";
            Cli capture = Cli.run(home, null, "capture", "--case", dir.toString(), "--tsa", "local", base + "/post");
            assertThat(capture.exit()).as(capture.out() + capture.err()).isZero();
        } finally {
            site.stop(0);
        }
        JsonNode record = Json.MAPPER.readTree(dir.resolve("data/captures/0001/capture.json").toFile());
        assertThat(record.path("videos")).as(record.toPrettyString()).hasSize(1);
        JsonNode video = record.path("videos").get(0);
        assertThat(video.path("kind").asText()).isEqualTo("link");
        assertThat(video.path("url").asText()).isEqualTo(clipUrl);
        assertThat(video.path("file").asText()).isEqualTo("videos/" + sha + ".mp4");
    }

    @Test
    @Order(1)
    void hashesOfTheCaseListTheVideoWithItsSha256Md5AndAVpdqFileTheReferenceFormatReads() throws Exception {
        Path list = tmp.resolve("lists/case.csv");
        Files.createDirectories(list.getParent());
        Cli hashes = Cli.run(home, null, "hashes", "--case", dir.toString(), "-o", list.toString());
        assertThat(hashes.exit()).as(hashes.err()).isZero();
        assertThat(hashes.err()).as(Files.readString(list)).contains("the vPDQ hashes of 1 video(s) to " + list + ".vpdq/");
        List<String> lines = Files.readAllLines(list);
        assertThat(lines.get(0)).isEqualTo("pdq,quality,md5,sha256,media_type,source,path,url,vpdq");
        String row = lines.stream().filter(l -> l.contains("videos/" + sha + ".mp4")).findFirst().orElseThrow();
        assertThat(row).isEqualTo("," + "," + md5 + "," + sha + ",video/mp4,captures/0001,videos/" + sha + ".mp4,"
                + clipUrl + ",case.csv.vpdq/" + sha + ".txt");
        VpdqHash vpdq = VpdqHashFile.read(list.resolveSibling("case.csv.vpdq/" + sha + ".txt"));
        assertThat(vpdq.frames()).hasSize(8);
        assertThat(Files.readString(list.resolveSibling("case.csv.vpdq/" + sha + ".txt")))
                .isEqualTo(Files.readString(dir.resolve("data/captures/0001/videos/" + sha + ".vpdq.txt")));

        Cli stdout = Cli.run(home, null, "hashes", "--case", dir.toString(), "--format", "json");
        assertThat(stdout.exit()).isZero();
        assertThat(stdout.out()).contains(md5, sha);
        assertThat(stdout.err()).contains("the vPDQ hashes of 1 video(s) are written only with -o FILE");
    }

    @Test
    @Order(2)
    void aVictimsResizedReencodedCutMatchesWithItsTimesAndAnotherClipDoesNot() throws Exception {
        Path cut = ffmpeg(tmp.resolve("mine/a.mp4"), "-ss", "3", "-i", clip.toString(), "-t", "4", "-vf",
                "scale=240:180", "-c:v", "libx264", "-crf", "30", "-pix_fmt", "yuv420p", "-an");
        Path other = ffmpeg(tmp.resolve("mine/b.mp4"), "-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=10",
                "-t", "6", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        Path mine = tmp.resolve("mine/mine.csv");
        Cli hashes = Cli.run(home, null, "hashes", "--files", cut.toString(), other.toString(), "-o", mine.toString());
        assertThat(hashes.exit()).as(hashes.err()).isZero();
        assertThat(Files.readString(mine)).contains("mine.csv.vpdq/" + Sha256.of(cut).hex() + ".txt",
                "mine.csv.vpdq/" + Sha256.of(other).hex() + ".txt");
        assertThat(VpdqHashFile.read(mine.resolveSibling("mine.csv.vpdq/" + Sha256.of(cut).hex() + ".txt")).frames())
                .hasSize(4);

        Cli match = Cli.run(home, null, "match", "--case", dir.toString(), "--hashes", mine.toString());
        assertThat(match.exit()).as(match.err()).isZero();
        String found = "captures/0001/videos/" + sha + ".mp4  " + clipUrl;
        assertThat(match.out()).contains("vpdq match     " + found + "  and a.mp4",
                "50.0% of its 8 frames are in a.mp4; 100.0% of the 4 frames of a.mp4 are in it",
                "frames at 3.0–6.0 s match a.mp4 at 0.0–3.0 s",
                "vpdq no match  " + found + "  and b.mp4",
                "0.0% of its 8 frames are in b.mp4; 0.0% of the 6 frames of b.mp4 are in it");
        assertThat(match.err()).as(match.out()).contains("1 of 2 video comparison(s) match by vPDQ");

        Cli json = Cli.run(home, null, "match", "--case", dir.toString(), "--hashes", mine.toString(), "--json");
        JsonNode videos = Json.MAPPER.readTree(json.out()).path("videos");
        assertThat(videos).hasSize(2);
        JsonNode a = videos.get(0);
        assertThat(a.path("match").asBoolean()).isTrue();
        assertThat(a.path("listed").path("path").asText()).isEqualTo("a.mp4");
        assertThat(a.path("found").has("vpdq")).isFalse();
        JsonNode where = a.path("where").get(0);
        assertThat(where.path("foundFrom").asDouble()).isEqualTo(3.0);
        assertThat(where.path("listedFrom").asDouble()).isEqualTo(0.0);
        assertThat(where.path("foundTo").asDouble() - where.path("listedTo").asDouble()).isEqualTo(3.0);
        assertThat(videos.get(1).path("match").asBoolean()).isFalse();
        assertThat(videos.get(1).path("where")).isEmpty();

        Path notices = tmp.resolve("notices-hashes");
        Cli takedown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--hashes", mine.toString(), "-o",
                notices.toString());
        assertThat(takedown.exit()).as(takedown.err()).isZero();
        assertThat(Files.readString(notices.resolve("takedown-127.0.0.1.txt")).replaceAll("\\s+", " "))
                .contains("1. " + clipUrl, "video/mp4, linked video file", sha, md5,
                        "matches the hash list: vPDQ: 50.0% of its 8 frames are in a.mp4; 100.0% of the 4 frames "
                                + "of a.mp4 are in it", "1 item(s) on 127.0.0.1")
                .doesNotContain("b.mp4", "2. ");
    }

    @Test
    @Order(3)
    void theReportShowsTheVideoWithItsHashesAndBlurredFramesUnlessImagesAreShown() throws Exception {
        Path out = tmp.resolve("report");
        Cli report = Cli.run(home, null, "report", "--case", dir.toString(), "-o", out.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Video 1 of 1: video file the page links to", clipUrl, sha, md5,
                "videos/" + sha + ".vpdq.txt", "320 × 240 px", "8.0 s");
        List<BufferedImage> images = images(html);
        assertThat(images).hasSize(1 + 5).allSatisfy(i ->
                assertThat(Math.max(i.getWidth(), i.getHeight())).isLessThanOrEqualTo(32));
        assertThat(html).contains("Blurred: may show intimate content");
        String pdf = pdfText(out.resolve("report.pdf"));
        assertThat(pdf).contains(md5, "at 0.8 s");

        Path shownOut = tmp.resolve("shown");
        Cli shown = Cli.run(home, null, "report", "--case", dir.toString(), "-o", shownOut.toString(),
                "--show-images");
        assertThat(shown.exit()).as(shown.err()).isZero();
        String shownHtml = Files.readString(shownOut.resolve("report.html"));
        assertThat(shownHtml).doesNotContain("Blurred: may show").contains("original 320 × 240 px");
        assertThat(images(shownHtml)).filteredOn(i -> i.getWidth() == 320 && i.getHeight() == 240).hasSize(5);
    }

    @Test
    @Order(4)
    void takedownNoticesNameTheVideoUrlWithItsMd5AndSha256() throws Exception {
        Path out = tmp.resolve("notices");
        Cli takedown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--only", clipUrl, "-o",
                out.toString());
        assertThat(takedown.exit()).as(takedown.err()).isZero();
        String notice = Files.readString(out.resolve("takedown-127.0.0.1.txt"));
        assertThat(notice).contains(clipUrl, "video/mp4, linked video file", md5, sha);
        assertThat(pdfText(out.resolve("takedown-127.0.0.1.pdf"))).contains(clipUrl, md5);
    }

    @Test
    @Order(5)
    void sealedTheBundlesReportDrawsTheFramesFromTheVideoInsideTheZip() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("sealed"));
        Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", "local", "-o", out.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        Path bundle;
        try (var files = Files.list(out)) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Path report = tmp.resolve("bundle-report");
        Cli cli = Cli.run(home, null, "report", "--case", bundle.toString(), "-o", report.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains(md5).doesNotContain("could not be drawn");
        assertThat(images(html)).hasSize(1 + 5);
    }

    @Test
    @Order(6)
    void hashingAVideoWithoutFfmpegIsOneLineNamingItAndBinSetup() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, Exhibit.class.getName(), "hashes", "--files",
                clip.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", tmp.resolve("no-tools").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.USAGE);
        assertThat(output.strip()).isEqualTo("exhibit: ffmpeg and ffprobe not found on PATH: video hashing (vPDQ) "
                + "needs ffmpeg and ffprobe; bin/setup installs them (Debian package ffmpeg)");
    }

    private static void serve(HttpExchange ex, String type, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    /** Runs ffmpeg to make {@code out} (synthetic sources only: testsrc2, mandelbrot, sine). */
    private static Path ffmpeg(Path out, String... args) throws Exception {
        Files.createDirectories(out.getParent());
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + log).isZero();
        return out;
    }

    private static List<BufferedImage> images(String html) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = DATA_IMAGE.matcher(html);
        while (m.find()) {
            out.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        }
        return out;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }
}
