package org.exhibit.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactInspectorTest {
    private final ArtifactInspector inspector = new ArtifactInspector();

    @Test
    void pngNamedJpgIsDetectedAsPngAndHashed() throws IOException {
        Artifact a = inspector.inspect(TestData.resource("images/png-named.jpg"), "png-named.jpg", "original");
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(a.pdq()).isNotNull();
        assertThat(a.pdq().reliable()).isTrue();
        assertThat(a.md5()).isNull();
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void jpegNamedTxtIsDetectedAsJpeg() throws IOException {
        Artifact a = inspector.inspect(TestData.resource("images/jpeg-named.txt"), "jpeg-named.txt", "original");
        assertThat(a.mediaType()).isEqualTo("image/jpeg");
        assertThat(a.pdq()).isNotNull();
    }

    @Test
    void hashesAgreeWithSha256sumAndMd5sum(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("chat.txt"), "12:01 them: delete it or else\n".repeat(5000));
        Artifact a = inspector.inspect(text, "chat.txt", "original");
        assertThat(a.mediaType()).isEqualTo("text/plain");
        assertThat(a.size()).isEqualTo(Files.size(text));
        assertThat(a.sha256()).isEqualTo(tool("sha256sum", text));
        assertThat(a.md5()).isEqualTo(tool("md5sum", text));
        assertThat(a.pdq()).isNull();
    }

    @Test
    void imageKeepsItsExifSummary() throws IOException {
        Artifact a = inspector.inspect(TestData.resource("images/camera.jpg"), "camera.jpg", "original");
        assertThat(a.exif()).containsEntry("model", "Pixel 7").containsKey("gps");
        assertThat(inspector.inspectFully(TestData.resource("images/camera.jpg"), "camera.jpg", "original").full())
                .containsKey("GPS");
    }

    @Test
    void videoGetsAnMd5(@TempDir Path dir) throws Exception {
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1',
                0, 0, 0, 8, 'm', 'd', 'a', 't'};
        Path mp4 = Files.write(dir.resolve("clip.bin"), ftyp);
        Artifact a = inspector.inspect(mp4, "clip.bin", "original");
        assertThat(a.mediaType()).startsWith("video/");
        assertThat(a.md5()).isEqualTo(tool("md5sum", mp4));
    }

    @Test
    void truncatedJpegIsHashedWithAWarning() throws IOException {
        Artifact a = inspector.inspect(TestData.resource("images/truncated.jpg"), "truncated.jpg", "original");
        assertThat(a.mediaType()).isEqualTo("image/jpeg");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("PDQ: jpeg decoder:"));
    }

    @Test
    void corruptPngGivesAWarningAndNoHashButKeepsItsSha256() throws IOException {
        Path png = TestData.resource("images/corrupt.png");
        Artifact a = inspector.inspect(png, "corrupt.png", "original");
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(a.pdq()).isNull();
        assertThat(a.sha256()).isEqualTo(org.exhibit.integrity.digest.Sha256.of(png).hex());
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("PDQ: corrupt or truncated png image"));
    }

    @Test
    void pdfAuthorDatesAndProducerAreRecorded(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("letter.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor("A. Harasser");
            info.setTitle("Final warning");
            info.setProducer("Exhibit test");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(1_750_000_000_000L);
            info.setCreationDate(created);
            doc.save(pdf.toFile());
        }
        Artifact a = inspector.inspect(pdf, "letter.pdf", "original");
        assertThat(a.mediaType()).isEqualTo("application/pdf");
        assertThat(a.document()).containsEntry("author", "A. Harasser").containsEntry("title", "Final warning")
                .containsEntry("producer", "Exhibit test").containsEntry("created", "2025-06-15T15:06:40Z");
        assertThat(a.md5()).isNotNull();
    }

    @Test
    void emailNamedTxtIsDetectedAndItsHeadersRecorded(@TempDir Path dir) throws IOException {
        Path eml = Files.copy(TestData.resource("email/threat.eml"), dir.resolve("notes.txt"));
        Artifact a = inspector.inspect(eml, "notes.txt", "original");
        assertThat(a.mediaType()).isEqualTo("message/rfc822");
        assertThat(a.document()).containsEntry("originatingIp", "203.0.113.7").containsEntry("hops", "4")
                .containsEntry("subject", "Lösch es oder ich poste mehr");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(eml); // no attachment written by inspecting
        }
    }

    @Test
    void garbageCalledPdfIsOctetStreamWithoutWarnings(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("x.pdf"), new byte[] {0, 1, 2, 3, (byte) 0xff, 9, 9});
        Artifact a = inspector.inspect(f, "x.pdf", "original");
        assertThat(a.mediaType()).isEqualTo("application/octet-stream");
        assertThat(a.document()).isNull();
    }

    @Test
    void aKnownSha256IsTakenAsGivenWhileTheMd5IsStillComputed(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("chat.txt"), "12:02 them: last chance\n".repeat(5000));
        Sha256 given = new Sha256(tool("sha256sum", text));
        Artifact a = inspector.inspect(text, "chat.txt", "original", given);
        assertThat(a).isEqualTo(inspector.inspect(text, "chat.txt", "original"));
        assertThat(a.md5()).isEqualTo(tool("md5sum", text));
        assertThat(a.size()).isEqualTo(Files.size(text));
        // the caller vouches for the digest: it is recorded, not recomputed
        assertThat(inspector.inspect(text, "chat.txt", "original", Sha256.ZERO).sha256()).isEqualTo(Sha256.ZERO.hex());
    }

    @Test
    void anImageWithAKnownSha256IsDescribedAsWithout() throws IOException {
        Path jpg = TestData.resource("images/camera.jpg");
        Artifact a = inspector.inspect(jpg, "camera.jpg", "original", Sha256.of(jpg));
        assertThat(a).isEqualTo(inspector.inspect(jpg, "camera.jpg", "original"));
        assertThat(a.pdq()).isNotNull();
        assertThat(a.exif()).containsEntry("model", "Pixel 7");
        assertThat(a.size()).isEqualTo(Files.size(jpg));
    }

    @Test
    void theIngestDescriberGivesWhatTheInspectorGives(@TempDir Path dir) throws IOException {
        Path jpg = TestData.resource("images/camera.jpg");
        Path pdf = Files.write(dir.resolve("x.pdf"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, 1, 2});
        for (Path f : new Path[] {jpg, pdf}) {
            assertThat(new InspectingDescriber().describe(f, "item", "original", Sha256.of(f)))
                    .isEqualTo(inspector.inspect(f, "item", "original"));
        }
    }

    static String tool(String name, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(name, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(name + " output: " + out).isZero();
        return out.substring(0, out.indexOf(' '));
    }
}
