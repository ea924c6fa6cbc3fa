package org.exhibit.integrity.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.identity.OpenSslRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
    @TempDir
    Path tmp;
    CaseFixture fx;
    Path inbox;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CaseFixture(tmp);
        inbox = Files.createDirectories(tmp.resolve("inbox"));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Path png(String name) throws Exception {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xff0000);
        Path file = inbox.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-03-01T09:30:00Z")));
        return file;
    }

    private static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out.substring(0, 64);
    }

    @Test
    void pngNamedJpgIsRecordedAsPngWithItsBytesUnchangedAndStampedAtOnce() throws Exception {
        Path source = png("photo.jpg");
        ItemOutcome o = fx.ingest(fx.timestamper(), null).ingest(source, "sent to the victim on Signal");

        assertThat(o.error()).isNull();
        Path folder = fx.ws.filesDir().resolve("0001");
        assertThat(o.folder()).isEqualTo(folder);
        Path copy = folder.resolve("photo.jpg");
        assertThat(Files.mismatch(source, copy)).isEqualTo(-1L);
        ItemRecord r = Json.read(folder.resolve("item.json"), ItemRecord.class);
        assertThat(r.mediaType()).isEqualTo("image/png");
        assertThat(r.sha256()).isEqualTo(sha256sum(source)).isEqualTo(sha256sum(copy));
        assertThat(r.size()).isEqualTo(Files.size(source));
        assertThat(r.originalName()).isEqualTo("photo.jpg");
        assertThat(r.originalModified()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(r.ingestedBy()).isEqualTo(fx.dana.actor());
        assertThat(r.caseId()).isEqualTo("2026-017");
        assertThat(r.source()).isEqualTo("sent to the victim on Signal");
        assertThat(r.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("photo.jpg");
            assertThat(a.role()).isEqualTo("original");
            assertThat(a.sha256()).isEqualTo(r.sha256());
            assertThat(a.mediaType()).isEqualTo("image/png");
        });

        assertThat(o.stamp().stamped()).isTrue();
        assertThat(folder.resolve("item.json.local.tsr")).exists();
        assertThat(Files.readAllBytes(folder.resolve("item.json.local.tsr"))).isEqualTo(o.stamp().token().response());
        Files.copy(fx.tsa.tsa().rootPem(), tmp.resolve("root.pem"));
        OpenSslRun ts = OpenSslRun.in(fx.ws.root(), "ts", "-verify", "-data", "data/files/0001/item.json",
                "-in", "data/files/0001/item.json.local.tsr", "-CAfile", tmp.resolve("root.pem").toString(),
                "-untrusted", "custody/tsa/local.pem");
        assertThat(ts.exit()).as(ts.output()).isZero();
        assertThat(ts.output()).contains("Verification: OK");

        List<CustodyEvent> events = fx.ws.custody().events();
        assertThat(events).extracting(CustodyEvent::action).containsExactly("case-opened", "ingested", "timestamped");
        assertThat(events.get(1).subject()).isEqualTo("files/0001");
        assertThat(events.get(1).details()).containsEntry("sha256", r.sha256()).containsEntry("mediaType", "image/png");
        assertThat(events.get(2).details()).containsKeys("genTime", "serial", "policy", "nonce", "clockOffsetMillis")
                .containsEntry("tsa", "local").containsEntry("tsr", "item.json.local.tsr");
        assertThat(fx.ws.custody().verify().intact()).isTrue();
        assertThat(RecordStamper.pending(fx.ws)).isEmpty();
    }

    @Test
    void missingAndUnreadableFilesAreNamedAndTheOthersStillGoIn() throws Exception {
        Path a = Files.writeString(inbox.resolve("a.txt"), "first\n");
        Path dir = Files.createDirectory(inbox.resolve("folder"));
        Path b = Files.writeString(inbox.resolve("b.txt"), "second\n");
        List<ItemOutcome> out = fx.ingest(fx.timestamper(), null)
                .ingest(List.of(a, inbox.resolve("gone.png"), dir, b), null);

        assertThat(out).extracting(ItemOutcome::error).containsExactly(null, inbox.resolve("gone.png") + ": no such file",
                dir + ": is a directory, expected a file", null);
        assertThat(out.get(3).folder().getFileName().toString()).isEqualTo("0002");
        assertThat(Json.read(out.get(3).folder().resolve("item.json"), ItemRecord.class).mediaType())
                .isEqualTo("text/plain");
        try (var items = Files.list(fx.ws.filesDir())) {
            assertThat(items).hasSize(2);
        }
    }

    @Test
    void unsafeNamesAreStoredSafelyAndTheOriginalNameIsKept() throws Exception {
        Path odd = Files.writeString(inbox.resolve(".hidden chat:export*.txt"), "hello\n");
        Path rec = Files.writeString(inbox.resolve("item.json"), "{}\n");
        Ingest ingest = fx.ingest(fx.timestamper(), null);
        ItemRecord r1 = ingest.ingest(odd, null).record();
        ItemRecord r2 = ingest.ingest(rec, null).record();
        ItemRecord r3 = ingest.ingest(odd, null).record();

        assertThat(r1.originalName()).isEqualTo(".hidden chat:export*.txt");
        assertThat(r1.artifacts().get(0).path()).isEqualTo("hidden chat_export_.txt");
        assertThat(r1.warnings()).anyMatch(w -> w.startsWith("stored as \"hidden chat_export_.txt\""));
        assertThat(r2.artifacts().get(0).path()).isEqualTo("original-item.json");
        assertThat(fx.ws.filesDir().resolve("0002/item.json")).exists();
        assertThat(r3.warnings()).contains("same bytes as files/0001");
    }

    @Test
    void describerAddsMetadataAndAFailingDescriberFallsBackWithAWarning() throws Exception {
        Path source = png("shot.png");
        ArtifactDescriber exif = (file, path, role, sha256) ->
                new Artifact(path, role, "image/png", Files.size(file), sha256.hex(), null,
                        new Artifact.Pdq("f".repeat(64), 90), Map.of("software", "test"), null, null, null, null, List.of());
        ItemRecord r = fx.ingest(fx.timestamper(), exif).ingest(source, null).record();
        assertThat(r.artifacts().get(0).exif()).containsEntry("software", "test");
        assertThat(r.artifacts().get(0).pdq().quality()).isEqualTo(90);

        ArtifactDescriber broken = (file, path, role, sha256) -> {
            throw new IllegalStateException("PDQ failed on a 0x0 image");
        };
        ItemRecord r2 = fx.ingest(fx.timestamper(), broken).ingest(png("other.png"), null).record();
        assertThat(r2.mediaType()).isEqualTo("image/png");
        assertThat(r2.warnings()).contains("metadata could not be read: PDQ failed on a 0x0 image");
    }
}
