package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.capture.SampleSiteServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exhibit capture} in-process against the sample site, with a real Chromium and the local TSA. */
class CaptureCommandTest {
    @TempDir
    Path tmp;
    Path home;
    Path dir;

    @BeforeEach
    void caseWithIdentity() {
        home = tmp.resolve("home");
        dir = tmp.resolve("cases/2026-017");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isEqualTo(0);
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017").exit()).isEqualTo(0);
    }

    @Test
    void capturesEachUrlPrintingALineAndRefusingBadSchemesWithExitOne() throws Exception {
        try (SampleSiteServer site = SampleSiteServer.start(samples().resolve("site"))) {
            List<String> links = site.links(samples().resolve("links.txt"));
            Cli cli = Cli.run(home, null, "capture", "--case", dir.toString(), "--tsa", "local", "--note",
                    "platform=Chirpbook", "--window", "1280x800", links.get(0), "file:///etc/passwd");
            assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCode.FAILED);
            assertThat(cli.out().lines()).singleElement().asString()
                    .startsWith("captures/0001  complete  " + links.get(0) + "  HTTP 200  timestamped by local at ");
            assertThat(cli.err()).contains("exhibit: refused 'file:///etc/passwd': expected an http or https URL, got scheme 'file'",
                    "exhibit: 1 of 2 URLs not captured");
            String record = Files.readString(dir.resolve("data/captures/0001/capture.json"));
            assertThat(record).contains("\"platform\" : \"Chirpbook\"", "\"viewport\" : \"1280x800\"",
                    "\"title\" : \"Riley Sample (@riley_sample) on Chirpbook\"");
            assertThat(dir.resolve("data/captures/0001/capture.json.local.tsr")).isRegularFile();
            assertThat(dir.resolve("data/captures/0002")).doesNotExist();
        }
        sealedCaseVerifiesWithExhibitAndWithStandardTools();
    }

    /** The case with its capture, sealed, passes exhibit verify, then sha256sum and openssl on the unzipped bundle. */
    private void sealedCaseVerifiesWithExhibitAndWithStandardTools() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", "local", "-o", out.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        assertThat(seal.out()).contains("1 captures");
        Path bundle;
        try (var files = Files.list(out)) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Cli verify = Cli.run(home, null, "verify", bundle.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("data/captures/0001/capture.json: all ", "VERIFIED");

        Path b = Files.createDirectories(tmp.resolve("b"));
        run(tmp, "unzip", "-q", bundle.toString(), "-d", b.toString());
        assertThat(run(b, "sha256sum", "-c", "manifest-sha256.txt")).contains("data/captures/0001/capture.wacz: OK",
                "data/captures/0001/screenshot-full.png: OK");
        Path tsr;
        try (var files = Files.list(b.resolve("data/captures/0001"))) {
            tsr = files.filter(p -> p.toString().endsWith(".tsr")).findFirst().orElseThrow();
        }
        Path chain;
        try (var files = Files.list(b.resolve("custody/tsa"))) {
            chain = files.filter(p -> p.toString().endsWith(".pem")).findFirst().orElseThrow();
        }
        Path root = org.exhibit.integrity.timestamp.LocalTsa.open(home.resolve("tsa")).rootPem();
        assertThat(run(b, "openssl", "ts", "-verify", "-data", "data/captures/0001/capture.json", "-in", tsr.toString(),
                "-CAfile", root.toString(), "-untrusted", chain.toString())).contains("Verification: OK");
    }

    private static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @Test
    void missingBrowserStopsBeforeAnythingWithTheInstallHint() throws Exception {
        Cli cli = Cli.run(home, null, "capture", "--case", dir.toString(), "--browser", tmp.resolve("no-chromium").toString(),
                "https://example.org/");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().strip()).isEqualTo("exhibit: Chromium not found at " + tmp.resolve("no-chromium")
                + "; install it with 'apt-get install -y chromium chromium-driver' or point --browser / EXHIBIT_CHROMIUM at it");
        try (var left = Files.list(dir.resolve("data/captures"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void onlyRefusedUrlsIsAUsageError() {
        Cli cli = Cli.run(home, null, "capture", "--case", dir.toString(), "javascript:alert(1)");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("refused 'javascript:alert(1)'", "no URL to capture");
        Cli window = Cli.run(home, null, "capture", "--case", dir.toString(), "--window", "big", "https://example.org/");
        assertThat(window.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(window.err()).contains("--window: expected a window size like 1366x900, got 'big'");
    }

    @Test
    void badScrollLimitsAndAgeGatePolicyAreUsageErrorsNamingTheValue() {
        Cli gate = Cli.run(home, null, "capture", "--case", dir.toString(), "--age-gate", "maybe", "https://example.org/");
        assertThat(gate.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(gate.err()).contains("--age-gate: expected an age-gate policy of accept or stop, got maybe");
        Cli screens = Cli.run(home, null, "capture", "--case", dir.toString(), "--scroll-limit", "0", "https://example.org/");
        assertThat(screens.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(screens.err()).contains("--scroll-limit: expected 1 to 100000 screens, got 0");
        Cli seconds = Cli.run(home, null, "capture", "--case", dir.toString(), "--scroll-seconds", "0", "https://example.org/");
        assertThat(seconds.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(seconds.err()).contains("--scroll-seconds: expected 1 to 3600 seconds, got 0");
    }

    static Path samples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples/site"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("expected samples/site above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("samples");
    }
}
