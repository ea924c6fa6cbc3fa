package org.exhibit.integrity.bundle;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.ArtifactDescriber;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.Ingest;
import org.exhibit.integrity.workspace.ItemOutcome;
import org.exhibit.integrity.workspace.RecordStamper;

/**
 * A real case, sealed: an investigator identity, Exhibit's TSA on 127.0.0.1, two ingested files (a PNG screenshot
 * and an .eml) and a capture folder with a capture.json listing its artifacts, all stamped, then sealed.
 */
final class SealedCase implements AutoCloseable {
    static final Instant SEALED_AT = Instant.parse("2026-11-24T10:15:00Z");
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    final Path root;
    final Identity investigator;
    final LocalTsa tsa;
    final TsaServer server;
    final Timestamper timestamper;
    final CaseWorkspace workspace;
    SealedBundle bundle;

    SealedCase(Path root) throws Exception {
        this.root = root;
        this.investigator = new IdentityStore(root.resolve("home")).create("Dana Reyes", "Reyes Law",
                "dana@example.org", PASSPHRASE, false);
        this.tsa = LocalTsa.open(root.resolve("home/tsa"));
        this.server = TsaServer.start(tsa, 0);
        this.timestamper = new Timestamper(List.of(server.endpoint()), TrustAnchors.none().with(tsa.root()));
        this.workspace = CaseWorkspace.init(root.resolve("case"), "2026-017", "Reposts of J.D.",
                investigator.publicInfo());
    }

    /** Trust anchors for the verifier: the local TSA's root and the investigator's certificate. */
    TrustAnchors trust() {
        return TrustAnchors.none().with(tsa.root()).with(investigator.certificate());
    }

    SealedCase withEvidence() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path chat = png(inbox.resolve("chat.png"), 320, 200, 7);
        Path mail = Files.writeString(inbox.resolve("threat.eml"), """
                From: someone@example.net
                To: victim@example.org
                Subject: you know what I have
                Date: Mon, 23 Nov 2026 21:04:00 +0000

                I will post them again.
                """);
        RecordStamper stamper = new RecordStamper(workspace, timestamper, investigator.actor());
        Ingest ingest = new Ingest(workspace, stamper, investigator.actor(), ArtifactDescriber.mediaTypeOnly());
        for (ItemOutcome o : ingest.ingest(List.of(chat, mail), "sent by the victim")) {
            if (!o.ingested() || !o.stamp().stamped()) {
                throw new IllegalStateException("ingest failed: " + o.error() + " / " + o.stamp());
            }
        }
        Path capture = workspace.newCaptureDir();
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(artifact(capture, png(capture.resolve("screenshot-full.png"), 400, 900, 1), "screenshot-full",
                "image/png"));
        artifacts.add(artifact(capture, png(capture.resolve("screenshot-viewport.png"), 400, 300, 2),
                "screenshot-viewport", "image/png"));
        artifacts.add(artifact(capture, Files.writeString(capture.resolve("page.html"),
                "<html><head><title>post 123</title></head><body><img src=x.jpg></body></html>\n"), "dom",
                "text/html"));
        artifacts.add(artifact(capture, wacz(capture.resolve("capture.wacz")), "wacz", "application/zip"));
        Path jpeg = jpeg(capture.resolve("resources/tmp.jpg"));
        Path named = Files.move(jpeg, capture.resolve("resources/" + Sha256.of(jpeg).hex() + ".jpg"));
        artifacts.add(artifact(capture, named, "resource", "image/jpeg"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format", 1);
        record.put("id", capture.getFileName().toString());
        record.put("caseId", workspace.id());
        record.put("requestedUrl", "https://social.example/post/123");
        record.put("finalUrl", "https://social.example/post/123");
        record.put("outcome", "complete");
        record.put("investigator", investigator.actor());
        record.put("artifacts", artifacts);
        Path json = capture.resolve("capture.json");
        Json.write(json, record);
        if (!stamper.stamp(json).stamped()) {
            throw new IllegalStateException("capture stamp failed");
        }
        return this;
    }

    SealedCase seal() throws Exception {
        Path out = Files.createDirectories(root.resolve("out"));
        bundle = new BundleSealer(investigator, timestamper, "0.1.0-test", Clock.fixed(SEALED_AT, ZoneOffset.UTC))
                .seal(workspace, out);
        return this;
    }

    /** Seals the case encrypted: only {@code <bundle>.zip.p7m} is written. */
    SealedCase sealEncrypted(org.exhibit.integrity.crypt.Recipients to) throws Exception {
        Path out = Files.createDirectories(root.resolve("out"));
        bundle = new BundleSealer(investigator, timestamper, "0.1.0-test", Clock.fixed(SEALED_AT, ZoneOffset.UTC))
                .seal(workspace, out, to);
        return this;
    }

    private static Artifact artifact(Path folder, Path file, String role, String type) throws IOException {
        String path = folder.relativize(file).toString().replace('\\', '/');
        return Artifact.of(path, role, type, Files.size(file), Sha256.of(file).hex());
    }

    static Path png(Path file, int w, int h, int seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, new Color(r.nextInt(256), (x * 255) / w, (y * 255) / h).getRGB());
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static Path jpeg(Path file) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().fillOval(8, 8, 48, 48);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "jpeg", file.toFile());
        return file;
    }

    private static Path wacz(Path file) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.putArchiveEntry(new ZipArchiveEntry("datapackage.json"));
            out.write("{\"profile\":\"data-package\",\"wacz_version\":\"1.1.1\"}".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("archive/data.warc.gz"));
            byte[] noise = new byte[40_000];
            new Random(3).nextBytes(noise);
            out.write(noise);
            out.closeArchiveEntry();
        }
        return file;
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
