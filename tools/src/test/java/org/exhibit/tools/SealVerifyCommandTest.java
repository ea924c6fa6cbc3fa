package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.integrity.bundle.BundleSealer;
import org.exhibit.report.source.Nodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exhibit seal} and {@code exhibit verify} run in-process, as a user would run them. */
class SealVerifyCommandTest {
    @TempDir
    static Path tmp;
    static Path home;
    static Path bundle;
    static Path tsaRoot;
    static Path investigator;

    @BeforeAll
    static void sealACase() throws Exception {
        home = tmp.resolve("home");
        Path dir = tmp.resolve("cases/2026-017");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017").exit()).isZero();
        Path chat = Files.write(tmp.resolve("chat.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2});
        Path note = Files.writeString(tmp.resolve("note.txt"), "he said he would post them again\n");
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", chat.toString(),
                note.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", "local", "-o", out.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        assertThat(seal.out()).startsWith(bundle.toString()).contains("SHA-256", "0 captures, 2 items");
        assertThat(bundle.getFileName().toString()).matches("2026-017-\\d{8}T\\d{6}Z\\.zip");
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            assertThat(zip.getEntry("data/report/report.html")).as("the case report is sealed in").isNotNull();
            assertThat(zip.getEntry("data/report/report.pdf")).isNotNull();
        }
        tsaRoot = org.exhibit.integrity.timestamp.LocalTsa.open(home.resolve("tsa")).rootPem();
        investigator = home.resolve("identity.pem");
    }

    @Test
    void anIntactBundleVerifiesWithALinePerCheck() {
        Cli v = Cli.run(home, null, "verify", bundle.toString());
        assertThat(v.exit()).as(v.out() + v.err()).isEqualTo(ExitCode.OK);
        assertThat(v.out()).contains("PASS zip", "PASS bagit       manifest-sha256.txt: all ",
                "PASS records     data/files/0001/item.json: all 1 listed files match", "PASS signature",
                "PASS custody-log custody/events.jsonl: chain intact", "WARN signature   custody/investigator.pem",
                "VERIFIED " + bundle.getFileName());
    }

    @Test
    void withBothRootsTrustedAGenuineSelfRunTsaBundleVerifiesStrictly() {
        Cli strict = Cli.run(home, null, "verify", bundle.toString(), "--trust", investigator.toString(),
                "--trust", tsaRoot.toString(), "--strict");
        assertThat(strict.exit()).as(strict.out()).isEqualTo(ExitCode.OK);
        assertThat(strict.out()).doesNotContain("WARN").contains("self-run TSA, whose root you trust")
                .contains("VERIFIED " + bundle.getFileName() + ":", " 0 warnings; signed by ", "a signer you trust");
    }

    @Test
    void withTrustASignerOutsideTheTrustListExitsOne() {
        Cli v = Cli.run(home, null, "verify", bundle.toString(), "--trust", tsaRoot.toString());
        assertThat(v.exit()).as(v.out()).isEqualTo(ExitCode.FAILED);
        assertThat(v.out()).contains("FAIL signature   custody/investigator.pem: signer ", "not in the trust list");
    }

    @Test
    void withoutTrustTheVerdictSaysTheSignerIsUnverified() {
        Cli v = Cli.run(home, null, "verify", bundle.toString());
        assertThat(v.exit()).as(v.out()).isEqualTo(ExitCode.OK);
        assertThat(v.out()).contains("signer UNVERIFIED: ");
        Cli strict = Cli.run(home, null, "verify", bundle.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(strict.out()).contains("FAILED " + bundle.getFileName() + ": 0 checks failed,");
    }

    @Test
    void notAZipGivesAOneLineReasonAndJsonWithExitTwo() throws Exception {
        Path junk = Files.writeString(bundle.resolveSibling("junk.zip"), "not a zip at all");
        Cli v = Cli.run(home, null, "verify", "--json", junk.toString());
        assertThat(v.exit()).isEqualTo(2);
        JsonNode root = Json.MAPPER.readTree(v.out());
        assertThat(root.get("outcome").asText()).isEqualTo("COULD_NOT_RUN");
        assertThat(root.get("checks").get(0).get("message").asText()).contains("junk.zip");
        Cli plain = Cli.run(home, null, "verify", junk.toString());
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.out().strip().lines()).last().asString().startsWith("COULD NOT RUN junk.zip: ");
    }

    @Test
    void jsonOutputCarriesTheOutcomeAndEveryCheck() throws Exception {
        Cli v = Cli.run(home, null, "verify", "--json", bundle.toString());
        assertThat(v.exit()).isZero();
        JsonNode root = Json.MAPPER.readTree(v.out());
        assertThat(root.get("outcome").asText()).isEqualTo("VERIFIED");
        assertThat(root.get("checks").size()).isGreaterThan(8);
        assertThat(root.get("checks").get(0).get("name").asText()).isEqualTo("zip");
    }

    @Test
    void aTamperedBundleExitsOneNamingTheFile() throws Exception {
        Path tampered = tmp.resolve("tampered.zip");
        try (ZipFile in = ZipFile.builder().setPath(bundle).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(tampered)) {
            for (ZipArchiveEntry e : java.util.Collections.list(in.getEntries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("/note.txt")) {
                    content[3] ^= 0x20;
                }
                out.putArchiveEntry(new ZipArchiveEntry(e.getName()));
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        Cli v = Cli.run(home, null, "verify", tampered.toString());
        assertThat(v.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(v.out()).containsPattern("FAIL bagit +data/files/0002/note.txt: SHA-256 expected [0-9a-f]{64}, got "
                + "[0-9a-f]{64} \\(manifest-sha256.txt\\)");

        Path report = tmp.resolve("tampered-verification.html");
        Cli withReport = Cli.run(home, null, "verify", tampered.toString(), "--report", report.toString());
        assertThat(withReport.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(Files.readString(report)).contains("data/files/0002/note.txt").contains("NOT");
    }

    @Test
    void verifyWritesTheAttorneysReportAsPdfAndRefusesOtherExtensions() throws Exception {
        Path pdf = tmp.resolve("verification.pdf");
        Cli v = Cli.run(home, null, "verify", bundle.toString(), "--report", pdf.toString());
        assertThat(v.exit()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(bundle.getFileName().toString()).contains("VERIFIED: the bundle")
                    .contains(String.format(java.util.Locale.ROOT, "%,d bytes", Files.size(bundle)));
        }
        Cli bad = Cli.run(home, null, "verify", bundle.toString(), "--report", tmp.resolve("r.docx").toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--report: expected a FILE.pdf or FILE.html");
    }

    @Test
    void aHostileZipCannotBeVerifiedAndExitsTwo() throws Exception {
        Path hostile = tmp.resolve("hostile.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(hostile)) {
            out.putArchiveEntry(new ZipArchiveEntry("../../evil.sh"));
            out.write("rm -rf ~".getBytes());
            out.closeArchiveEntry();
        }
        Cli v = Cli.run(home, null, "verify", hostile.toString());
        assertThat(v.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(v.out()).contains("FAIL zip         ../../evil.sh: '..' in entry name (path escapes the archive)",
                "COULD NOT RUN hostile.zip");
        assertThat(tmp.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void aMissingBundleOrTrustFileExitsTwo() {
        Cli missing = Cli.run(home, null, "verify", tmp.resolve("nope.zip").toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.out()).contains("no such file");
        Cli badTrust = Cli.run(home, null, "verify", bundle.toString(), "--trust", tmp.resolve("nope.pem").toString());
        assertThat(badTrust.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badTrust.err()).startsWith("exhibit: --trust: ");
    }

    @Test
    void sealingNeverOverwritesABundle() throws Exception {
        Cli again = Cli.run(home, "pw", "seal", "--case", tmp.resolve("cases/2026-017").toString(), "--tsa", "local",
                "-o", bundle.toString());
        assertThat(again.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("exists; expected a new file");
        assertThat(tmp.resolve("cases/2026-017").resolve(CaseLayout.DATA).resolve(CaseLayout.REPORT)
                .resolve(CaseLayout.REPORT_HTML))
                .as("no report in the workspace states the seal that failed").doesNotExist();
    }

    @Test
    void theReportSealedInTheBundleStatesTheSealTimeOfItsManifestAndTheBundlesName() throws Exception {
        CustodyManifest manifest;
        String html;
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            manifest = Json.MAPPER.readValue(zip.getInputStream(zip.getEntry(BundleLayout.CUSTODY_MANIFEST)),
                    CustodyManifest.class);
            html = new String(zip.getInputStream(zip.getEntry(BundleLayout.REPORT_HTML)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertThat(bundle.getFileName().toString()).isEqualTo(BundleSealer.fileName("2026-017", manifest.sealedAt()));
        assertThat(html).contains("<tr><th>Sealed (UTC)</th><td>" + Nodes.utc(manifest.sealedAt()) + "</td></tr>")
                .contains("<tr><th>Bundle</th><td>" + bundle.getFileName() + "</td></tr>")
                .contains("as part of sealing: written into the case, then sealed with it into " + bundle.getFileName())
                .contains("VERIFY.txt inside " + bundle.getFileName() + " spells out every command")
                .doesNotContain("not sealed", "&lt;seal time&gt;");
    }
}
