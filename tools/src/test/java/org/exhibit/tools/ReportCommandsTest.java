package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exhibit report} and {@code exhibit takedown} on a case made with the CLI (identity, case init, ingest). */
class ReportCommandsTest {
    @TempDir
    Path tmp;
    Path home;
    Path dir;
    String photoSha;
    String shotSha;

    @BeforeEach
    void makeCase() throws Exception {
        home = tmp.resolve("home");
        dir = tmp.resolve("cases/2026-017");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isEqualTo(0);
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017", "--title", "Reposts").exit())
                .isEqualTo(0);
        Path photo = png(tmp.resolve("photo.png"), 300, 200);
        photoSha = Sha256.of(photo).hex();
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", photo.toString());
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(0);
        Path capture = CaseWorkspace.open(dir).newCaptureDir();
        Path shot = png(capture.resolve("screenshot-viewport.png"), 640, 400);
        shotSha = Sha256.of(shot).hex();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", capture.getFileName().toString());
        record.put("caseId", "2026-017");
        record.put("requestedUrl", "https://social.example/post/123");
        record.put("finalUrl", "https://social.example/post/123");
        record.put("startedAt", "2026-11-24T10:15:00Z");
        record.put("outcome", "complete");
        record.put("artifacts", List.of(Artifact.of("screenshot-viewport.png", "screenshot-viewport", "image/png",
                Files.size(shot), shotSha)));
        Json.write(capture.resolve("capture.json"), record);
    }

    @Test
    void reportWritesHtmlAndPdfWithBlurredImagesByDefault() throws Exception {
        Path out = tmp.resolve("out");
        Cli report = Cli.run(home, null, "report", "--case", dir.toString(), "-o", out.toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(0);
        assertThat(report.out().lines()).containsExactly(out.resolve("report.html").toString(),
                out.resolve("report.pdf").toString());
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains(photoSha, shotSha, "https://social.example/post/123",
                "Blurred: may show intimate content — use --show-images to display");
        assertThat(Files.readAllBytes(out.resolve("report.pdf"))).startsWith("%PDF-".getBytes());

        Cli shown = Cli.run(home, null, "report", "--case", dir.toString(), "-o", tmp.resolve("shown").toString(),
                "--show-images");
        assertThat(shown.exit()).isEqualTo(0);
        assertThat(shown.err()).contains("images are shown unblurred");
        assertThat(Files.readString(tmp.resolve("shown/report.html"))).doesNotContain("Blurred: may show");
    }

    @Test
    void reportOnAMissingCaseFailsWithOneLineAndExitTwo() {
        Cli report = Cli.run(home, null, "report", "--case", tmp.resolve("nope").toString(), "-o", tmp.resolve("o").toString());
        assertThat(report.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(report.err()).startsWith("exhibit: --case: expected a case folder or a bundle .zip, got ")
                .contains("(not found)");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void takedownWritesNoticesPerHostAndRefusesAnUnknownHost() throws Exception {
        Path out = tmp.resolve("notices");
        Cli takedown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--only", "captures/0001", "-o",
                out.toString());
        assertThat(takedown.exit()).as(takedown.err()).isEqualTo(0);
        assertThat(takedown.err()).contains("nothing was sent");
        assertThat(out.resolve("takedown-social.example.txt")).exists();
        assertThat(out.resolve("takedown-social.example.pdf")).exists();
        assertThat(Files.readString(out.resolve("takedown-social.example.txt")))
                .contains("https://social.example/post/123", shotSha);
        assertThat(out.resolve("search-delisting.txt")).exists();

        Cli unknown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--only", "captures/0001", "--host",
                "x.example", "-o",
                tmp.resolve("n2").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("--host: expected a host of the chosen content in case 2026-017 (social.example), got x.example");
        assertThat(tmp.resolve("n2")).doesNotExist();
    }

    private static Path png(Path file, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0xffffff));
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
