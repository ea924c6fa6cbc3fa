package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.exhibit.integrity.bundle.BundleVerifier;
import org.exhibit.integrity.bundle.Verification;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification reports on bundles sealed and verified by the real sealer and verifier. */
class VerificationReportTest {
    @TempDir
    static Path tmp;
    static SealedFixture sealed;

    @BeforeAll
    static void seal() throws Exception {
        sealed = new SealedFixture(tmp, 1);
    }

    @AfterAll
    static void stop() {
        sealed.close();
    }

    @Test
    void intactBundleReportStatesVerdictHashesAndTrust() throws Exception {
        Verification v = new BundleVerifier(sealed.trust()).verify(sealed.bundle, false);
        assertThat(v.verified()).as(v.checks().toString()).isTrue();
        Path pdf = tmp.resolve("intact.pdf");
        VerificationReport.write(v, sealed.bundle, pdf);
        String text = ReportAssertions.pdfText(pdf).replaceAll("\\s+", " ");
        String url = sealed.content.urls.get(0);
        assertThat(text).contains("VERIFIED: the bundle " + sealed.bundle.getFileName() + " is intact")
                .contains(Sha256.of(sealed.bundle).hex())
                .contains(String.format("%,d bytes", Files.size(sealed.bundle)))
                .contains("The screenshot of " + url + " is byte-for-byte what was sealed on 2026-11-24 12:00:00 UTC")
                .contains(sealed.investigator.fingerprint(), sealed.investigator.name())
                .contains("valid and chains to a trust anchor")
                .contains("not from a public one")
                .contains("a certificate you told the verifier to trust")
                .contains("openssl cms -verify", "Sealed by Exhibit 0.1.0-test");
        assertThat(ReportAssertions.unembeddedFonts(pdf)).isEmpty();
    }

    @Test
    void untrustedSignerAndTsaAreExplainedAsWarnings() throws Exception {
        Verification v = new BundleVerifier(TrustAnchors.none()).verify(sealed.bundle, false);
        Path html = tmp.resolve("untrusted.html");
        VerificationReport.write(v, sealed.bundle, html);
        String text = Files.readString(html);
        assertThat(text).contains("The signer is UNVERIFIED")
                .contains("does not chain to a trust anchor you configured")
                .contains("Confirm the fingerprint with the investigator")
                .contains("The time-stamp is valid for the data, but its authority is not in your trust list");
    }

    @Test
    void tamperedBundleReportNamesTheFileAndWhy() throws Exception {
        Path tampered = tmp.resolve("tampered.zip");
        String victim = "data/captures/0001/screenshot-viewport.png";
        rewrite(sealed.bundle, tampered, victim);
        Verification v = new BundleVerifier(sealed.trust()).verify(tampered, false);
        assertThat(v.verified()).isFalse();
        Path pdf = tmp.resolve("tampered.pdf");
        VerificationReport.write(v, tampered, pdf);
        String text = ReportAssertions.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("FAILED: the bundle tampered.zip is not as sealed")
                .contains("What failed")
                .contains("The screenshot of " + sealed.content.urls.get(0) + " (" + victim + ") is NOT what was sealed on")
                .contains(Sha256.of(tampered).hex());
        Path html = tmp.resolve("tampered.html");
        VerificationReport.write(v, tampered, html);
        assertThat(Files.readString(html)).contains(victim).contains("is NOT what was sealed on");
    }

    @Test
    void hostileBundleReportSaysItCouldNotBeCheckedAndWhy() throws Exception {
        Path evil = tmp.resolve("evil.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(evil)) {
            zip.putArchiveEntry(new ZipArchiveEntry("../../etc/cron.d/x"));
            zip.write("* * * * * root true\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        Verification v = new BundleVerifier(sealed.trust()).verify(evil, false);
        Path pdf = tmp.resolve("evil.pdf");
        VerificationReport.write(v, evil, pdf);
        String text = ReportAssertions.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("NOT VERIFIED: the bundle evil.zip could not be checked", "../../etc/cron.d/x",
                "The bundle file could not be opened safely", Sha256.of(evil).hex());
    }

    @Test
    void reportFileMustEndInPdfOrHtml() throws Exception {
        Verification v = new BundleVerifier(sealed.trust()).verify(sealed.bundle, false);
        assertThatThrownBy(() -> VerificationReport.write(v, sealed.bundle, tmp.resolve("report.docx")))
                .hasMessageContaining("expected a report file ending in .pdf or .html, got");
        assertThat(tmp.resolve("report.docx")).doesNotExist();
    }

    /** Copies a ZIP entry by entry, flipping bytes in the middle of one entry (same name, same size). */
    static void rewrite(Path from, Path to, String victim) throws Exception {
        try (ZipFile in = ZipFile.builder().setPath(from).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(to)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(victim)) {
                    for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
                        bytes[i] ^= 0x5a;
                    }
                }
                ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
                copy.setTime(e.getTime());
                out.putArchiveEntry(copy);
                try (OutputStream body = new java.io.FilterOutputStream(out) {
                    @Override
                    public void close() {
                    }
                }) {
                    body.write(bytes);
                }
                out.closeArchiveEntry();
            }
        }
    }
}
