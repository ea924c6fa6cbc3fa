package org.exhibit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.digest.Sha256;

/**
 * A small case workspace laid out as DESIGN.md describes, with real PNG/JPEG images, real JSON records, a
 * hash-chained custody log and genuine RFC 3161 responses. Fixed instants so reports are comparable.
 */
final class CaseFixture {
    static final Instant T0 = Instant.parse("2026-11-24T10:15:00Z");
    static final String INVESTIGATOR = "Dana Reyes";
    static final String FINGERPRINT = "3f".repeat(32);
    /** The top half of every screenshot is this red, the bottom half this blue (noise on top of both). */
    static final int RED = 0xC82828;
    static final int BLUE = 0x2846C8;

    final Path dir;
    final List<String> urls = new ArrayList<>();
    final List<String> sha256s = new ArrayList<>();
    final List<Path> images = new ArrayList<>();
    private final TestTsa tsa;
    private final byte[] screenshot;
    private final byte[] photo;
    private String prev = Sha256.ZERO.hex();
    private int seq;

    CaseFixture(Path dir, long seed) throws Exception {
        this.dir = dir;
        this.tsa = new TestTsa();
        Random random = new Random(seed);
        this.screenshot = encode(bands(1280, 800, random), "png");
        this.photo = encode(bands(900, 1200, random), "jpg");
    }

    /** A JPEG photo with the fixture's bands, as a victim would hand one over. */
    Path photo(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, photo);
        images.add(file);
        sha256s.add(Sha256.ofBytes(photo).hex());
        return file;
    }

    static CaseFixture create(Path dir, int captures, int items) throws Exception {
        CaseFixture f = new CaseFixture(dir, 17);
        ObjectNode kase = Json.MAPPER.createObjectNode().put("format", 1).put("id", "2026-017")
                .put("title", "Reposts of J.D.").put("created", T0.minusSeconds(3600).toString());
        kase.putObject("investigator").put("name", INVESTIGATOR).put("fingerprint", FINGERPRINT);
        Json.write(dir.resolve("case.json"), kase);
        f.event(T0.minusSeconds(3600), "case-opened", "case:2026-017");
        for (int i = 1; i <= captures; i++) {
            f.capture(i);
        }
        for (int i = 1; i <= items; i++) {
            f.item(i);
        }
        return f;
    }

    private void capture(int n) throws Exception {
        String id = String.format("%04d", n);
        Path folder = Files.createDirectories(dir.resolve("data/captures/" + id));
        Instant start = T0.plusSeconds(60L * n);
        record(folder.resolve("capture.json"), captureFiles(folder, n, INVESTIGATOR, FINGERPRINT), start.plusSeconds(13));
        event(start.plusSeconds(13), "captured", "captures/" + id);
    }

    /** Writes capture {@code n}'s files into {@code folder} and returns its capture.json, not yet written. */
    ObjectNode captureFiles(Path folder, int n, String investigator, String fingerprint) throws Exception {
        String id = folder.getFileName().toString();
        String url = "https://social.example/u/jd/post/" + (1000 + n);
        urls.add(url);
        Instant start = T0.plusSeconds(60L * n);
        ArrayNode artifacts = Json.MAPPER.createArrayNode();
        artifacts.add(artifact(folder, "screenshot-viewport.png", "screenshot-viewport", "image/png", screenshot, true));
        artifacts.add(artifact(folder, "page.html", "dom", "text/html",
                ("<html><title>Post " + n + "</title></html>").getBytes(StandardCharsets.UTF_8), false));
        artifacts.add(artifact(folder, "resources/" + Sha256.ofBytes(photo).hex() + ".jpg", "resource", "image/jpeg",
                photo, true).put("url", "https://cdn.example-img.net/p/" + n + ".jpg"));
        ObjectNode r = Json.MAPPER.createObjectNode().put("id", id).put("caseId", "2026-017")
                .put("requestedUrl", url).put("finalUrl", url + "?s=1");
        r.putArray("redirectChain").addObject().put("url", url).put("status", 301).put("location", url + "?s=1");
        r.putObject("mainDocument").put("status", 200).putArray("headers").addObject().put("name", "content-type")
                .put("value", "text/html");
        r.put("title", "Post " + n + " by @jd").put("startedAt", start.toString())
                .put("endedAt", start.plusSeconds(12).toString()).put("outcome", "complete");
        r.putArray("warnings");
        r.putObject("investigator").put("name", investigator).put("fingerprint", fingerprint);
        r.putObject("notes").put("platform", "Social Example").put("username", "@jd");
        r.putObject("environment").put("exhibitVersion", "0.1.0").put("java", "17.0.15").put("os", "Linux 6.1")
                .put("browser", "Chromium 142.0").put("driver", "chromedriver 142.0").put("userAgent", "Mozilla/5.0 Test")
                .put("viewport", "1280x800").put("timeZone", "UTC");
        if (n == 2) {                                          // a batch's second capture, in the first one's context
            ObjectNode context = ((ObjectNode) r.get("environment")).putObject("browserContext")
                    .put("state", "reused-cleared").put("earlierCaptures", 1).put("preparedAt", start.toString());
            context.putArray("cleared").add("Storage.clearCookies").add("Storage.clearDataForOrigin https://social.example");
        }
        ObjectNode origin = r.putArray("tls").addObject().put("origin", "https://social.example:443")
                .put("ip", "203.0.113.7").put("tlsProtocol", "TLSv1.3");
        origin.putArray("chain").addObject().put("subject", "CN=social.example")
                .put("issuer", "CN=Example CA").put("notBefore", "2026-01-01T00:00:00Z")
                .put("notAfter", "2027-01-01T00:00:00Z").put("sha256", "ab".repeat(32));
        origin.putArray("warnings");
        r.putArray("hosts").addObject().put("host", "social.example").put("ip", "203.0.113.7");
        ((ArrayNode) r.get("hosts")).addObject().put("host", "cdn.example-img.net").put("ip", "198.51.100.9");
        r.set("artifacts", artifacts);
        return r;
    }

    private void item(int n) throws Exception {
        String id = String.format("%04d", n);
        Path folder = Files.createDirectories(dir.resolve("data/files/" + id));
        ObjectNode r = Json.MAPPER.createObjectNode().put("format", 1).put("id", id).put("caseId", "2026-017")
                .put("originalName", "photo-" + n + ".jpg").put("size", photo.length)
                .put("sha256", Sha256.ofBytes(photo).hex()).put("mediaType", "image/jpeg")
                .put("originalModified", T0.minusSeconds(86400).toString()).put("ingestedAt", T0.plusSeconds(3000 + n).toString());
        r.putObject("ingestedBy").put("name", INVESTIGATOR).put("fingerprint", FINGERPRINT);
        r.put("source", "sent by the victim");
        r.putArray("artifacts").add(artifact(folder, "photo-" + n + ".jpg", "original", "image/jpeg", photo, true));
        r.putArray("warnings");
        record(folder.resolve("item.json"), r, T0.plusSeconds(3001 + n));
        event(T0.plusSeconds(3001 + n), "ingested", "files/" + id);
    }

    private ObjectNode artifact(Path folder, String path, String role, String type, byte[] bytes, boolean image)
            throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        String sha = Sha256.ofBytes(bytes).hex();
        sha256s.add(sha);
        ObjectNode a = Json.MAPPER.createObjectNode().put("path", path).put("role", role).put("mediaType", type)
                .put("size", bytes.length).put("sha256", sha);
        if (image) {
            images.add(file);
            a.putObject("pdq").put("hash", sha.substring(0, 32) + sha.substring(0, 32)).put("quality", 100);
            a.putObject("exif").put("Make", "Canon").put("GPS", "48.8584, 2.2945");
        }
        return a;
    }

    private void record(Path file, ObjectNode r, Instant genTime) throws Exception {
        Json.write(file, r);
        Files.write(file.resolveSibling(file.getFileName() + ".local.tsr"), tsa.stamp(Files.readAllBytes(file), genTime));
    }

    private void event(Instant time, String action, String subject) throws Exception {
        ObjectNode e = Json.MAPPER.createObjectNode().put("seq", ++seq).put("time", time.toString());
        e.putObject("actor").put("name", INVESTIGATOR).put("fingerprint", FINGERPRINT);
        e.put("action", action).put("subject", subject);
        e.putObject("details").put("note", "fixture");
        e.put("prev", prev);
        byte[] line = Json.COMPACT.writeValueAsBytes(e);
        prev = Sha256.ofBytes(line).hex();
        Path log = Files.createDirectories(dir.resolve("custody")).resolve("events.jsonl");
        Files.write(log, (new String(line, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Red top half, blue bottom half, with fine per-pixel noise: detail a 32-pixel copy cannot keep. */
    static BufferedImage bands(int w, int h, Random random) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            int base = y < h / 2 ? RED : BLUE;
            for (int x = 0; x < w; x++) {
                int noise = random.nextInt(41) - 20;
                int r = clamp(((base >> 16) & 0xff) + noise);
                int g = clamp(((base >> 8) & 0xff) + noise);
                int b = clamp((base & 0xff) + noise);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] encode(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
