package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.ImageMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case report made straight from a sealed bundle ZIP, which is read in place and never extracted. */
class BundleCaseReportTest {
    @TempDir
    static Path tmp;
    static SealedFixture sealed;

    @BeforeAll
    static void seal() throws Exception {
        sealed = new SealedFixture(tmp, 2);
    }

    @AfterAll
    static void stop() {
        sealed.close();
    }

    @Test
    void reportFromTheBundleNamesEveryHashTheSealAndTheTsaTimes() throws Exception {
        Path out = tmp.resolve("from-bundle");
        long before = Files.size(sealed.bundle);
        String bundleSha = Sha256.of(sealed.bundle).hex();
        try (CaseReport report = CaseReport.open(sealed.bundle)) {
            report.writeTo(out, ImageMode.BLURRED);
        }
        String pdfText = ReportAssertions.pdfText(out.resolve("report.pdf"));
        String html = Files.readString(out.resolve("report.html"));
        for (String text : new String[] {pdfText, html}) {
            assertThat(text).contains(sealed.content.urls).contains(sealed.content.sha256s)
                    .contains("Reposts of J.D.", sealed.investigator.fingerprint(), bundleSha)
                    .contains("2026-11-24 12:00:00 UTC")
                    .contains("(local)");
        }
        assertThat(ReportAssertions.pdfImages(out.resolve("report.pdf"))).hasSize(3)
                .allSatisfy(i -> assertThat(Math.max(i.getWidth(), i.getHeight())).isLessThanOrEqualTo(Depicter.BLUR_MAX));
        assertThat(Sha256.of(sealed.bundle).hex()).isEqualTo(bundleSha);
        assertThat(Files.size(sealed.bundle)).isEqualTo(before);
        try (Stream<Path> files = Files.list(sealed.bundle.getParent())) {
            assertThat(files).containsExactly(sealed.bundle);
        }
    }

    @Test
    void bundleWithAClimbingPathIsRefusedNamingTheEntryAndNothingIsWritten() throws Exception {
        Path evil = tmp.resolve("evil.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(evil)) {
            for (String name : new String[] {"bagit.txt", "../../outside.txt"}) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write("x\n".getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        Path out = tmp.resolve("evil-out");
        assertThatThrownBy(() -> {
            try (CaseReport report = CaseReport.open(evil)) {
                report.writeTo(out, ImageMode.BLURRED);
            }
        }).hasMessageContaining("../../outside.txt");
        assertThat(out).doesNotExist();
        assertThat(tmp.getParent().resolve("outside.txt")).doesNotExist();
    }

}
