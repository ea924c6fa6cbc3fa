package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.Depiction;
import org.exhibit.report.depiction.ImageMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReportTest {
    @TempDir
    static Path tmp;
    static CaseFixture fixture;
    static Path html;
    static Path pdf;

    @BeforeAll
    static void writeReports() throws Exception {
        FixtureReport written = FixtureReport.write(tmp, 2, 1);
        fixture = written.fixture();
        html = written.html();
        pdf = written.pdf();
    }

    @Test
    void htmlNamesEveryUrlAndEveryArtifactSha256() throws Exception {
        String text = Files.readString(html);
        assertThat(text).contains(fixture.urls).contains(fixture.sha256s)
                .contains("2026-017", "Reposts of J.D.", CaseFixture.INVESTIGATOR, CaseFixture.FINGERPRINT)
                .contains("203.0.113.7", "CN=social.example", "ab".repeat(32), "@jd", "Chromium 142.0")
                .contains("2026-11-24 10:16:13 UTC (local)")
                .contains("captured", "case-opened", "openssl cms -verify", "sha256sum -c --strict manifest-sha256.txt")
                .contains("28 U.S.C. § 1746", "902(13)", "TEMPLATE", "Signature");
        assertThat(text).contains("the browser context of 1 earlier capture(s) of this run, cleared before this one (2 steps)",
                "Storage.clearDataForOrigin https://social.example");
    }

    @Test
    void aReportWrittenForSealingStatesTheSealTimeAndTheBundleAndThatItIsPartOfTheSeal() throws Exception {
        Sealing seal = new Sealing(Instant.parse("2026-11-24T10:15:00Z"), "2026-017-20261124T101500Z.zip");
        List<Path> written;
        try (CaseReport report = CaseReport.open(fixture.dir)) {
            written = report.writeTo(Files.createDirectories(tmp.resolve("sealing")), ImageMode.BLURRED, seal);
        }
        assertThat(Files.readString(written.get(0)))
                .contains("<tr><th>Sealed (UTC)</th><td>2026-11-24 10:15:00 UTC</td></tr>",
                        "<tr><th>Bundle</th><td>2026-017-20261124T101500Z.zip</td></tr>",
                        "as part of sealing: written into the case, then sealed with it into 2026-017-20261124T101500Z.zip",
                        "VERIFY.txt inside 2026-017-20261124T101500Z.zip spells out every command")
                .doesNotContain("not sealed", "&lt;seal time&gt;");
        assertThat(ReportAssertions.pdfText(written.get(1))).contains("2026-11-24 10:15:00 UTC",
                "2026-017-20261124T101500Z.zip");
        assertThat(Files.readString(html)).as("the report of the case as it is")
                .contains("<tr><th>Sealed (UTC)</th><td>not sealed (read from the workspace)</td></tr>");
    }

    @Test
    void htmlMakesNoRequestOfItsOwn() throws Exception {
        String text = Files.readString(html);
        assertThat(text).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContain("url(").contains("default-src 'none'");
        String[] parts = text.split("src=\"", -1);
        assertThat(parts).hasSizeGreaterThan(1);
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).startsWith("data:image/png;base64,");  // blurred depictions are PNG
        }
        assertThat(text).doesNotContain("href=");
    }

    @Test
    void pdfTextContainsEveryArtifactSha256ExactlyAndTheUrls() throws Exception {
        String text = ReportAssertions.pdfText(pdf);
        assertThat(text).contains(fixture.sha256s).contains(fixture.urls)
                .contains(CaseFixture.FINGERPRINT, Depiction.BLURRED_LABEL, "28 U.S.C. § 1746");
        assertThat(ReportAssertions.unembeddedFonts(pdf)).isEmpty();
        assertThat(ReportAssertions.pdfPages(pdf)).isGreaterThan(5);
    }

    @Test
    void blurredDepictionsInHtmlAndPdfAreAtMost32PixelsAndLabelled() throws Exception {
        String text = Files.readString(html);
        List<BufferedImage> htmlImages = ReportAssertions.htmlImages(text);
        List<BufferedImage> pdfImages = ReportAssertions.pdfImages(pdf);
        // two screenshots and one ingested photo
        assertThat(htmlImages).hasSize(3);
        assertThat(pdfImages).hasSize(3);
        for (BufferedImage img : concat(htmlImages, pdfImages)) {
            assertThat(Math.max(img.getWidth(), img.getHeight())).isLessThanOrEqualTo(Depicter.BLUR_MAX);
        }
        assertThat(text.split(java.util.regex.Pattern.quote(Depiction.BLURRED_LABEL), -1).length - 1)
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void originalImageBytesAppearNowhereInHtmlOrPdf() throws Exception {
        String text = Files.readString(html);
        byte[] htmlBytes = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdfBytes = ReportAssertions.read(pdf);
        for (Path image : fixture.images) {
            byte[] original = Files.readAllBytes(image);
            assertThat(ReportAssertions.containsRunOf(htmlBytes, original)).as("raw bytes of %s in HTML", image).isFalse();
            assertThat(ReportAssertions.containsRunOf(pdfBytes, original)).as("raw bytes of %s in PDF", image).isFalse();
            for (String run : ReportAssertions.base64Runs(original)) {
                assertThat(text).doesNotContain(run);
            }
            for (byte[] embedded : ReportAssertions.htmlImageBytes(text)) {
                assertThat(ReportAssertions.containsRunOf(embedded, original)).isFalse();
            }
        }
    }

    @Test
    void showImagesDepictsAReducedCopyButNeverTheOriginalBytes() throws Exception {
        Path out = tmp.resolve("shown");
        try (CaseReport report = CaseReport.open(fixture.dir)) {
            report.writeTo(out, ImageMode.SHOWN);
        }
        String text = Files.readString(out.resolve("report.html"));
        assertThat(text).doesNotContain(Depiction.BLURRED_LABEL);
        List<BufferedImage> images = ReportAssertions.htmlImages(text);
        assertThat(images).hasSize(3).allSatisfy(i -> assertThat(i.getWidth()).isGreaterThan(Depicter.BLUR_MAX));
        assertThat(ReportAssertions.pdfImages(out.resolve("report.pdf"))).hasSize(3)
                .allSatisfy(i -> assertThat(i.getWidth()).isGreaterThan(Depicter.BLUR_MAX));
        for (Path image : fixture.images) {
            assertThat(ReportAssertions.containsRunOf(text.getBytes(StandardCharsets.ISO_8859_1),
                    Files.readAllBytes(image))).isFalse();
        }
    }

    @Test
    void evidenceFilesAreUnchangedByWritingReports() throws Exception {
        for (int i = 0; i < fixture.images.size(); i++) {
            assertThat(org.exhibit.integrity.digest.Sha256.of(fixture.images.get(i)).hex()).isIn(fixture.sha256s);
        }
        assertThat(fixture.dir.resolve("data/report")).doesNotExist();
    }

    @Test
    void aReportThatFailsHalfWayLeavesThePreviousReportUntouched() throws Exception {
        Path kase = Files.createDirectories(tmp.resolve("broken-case"));
        CaseFixture.create(kase, 1, 0);
        Path out = tmp.resolve("broken-out");
        try (CaseReport report = CaseReport.open(kase)) {
            report.writeTo(out, ImageMode.BLURRED);
        }
        byte[] html = Files.readAllBytes(out.resolve("report.html"));
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        Files.writeString(kase.resolve("custody/events.jsonl"), "{not json\n", java.nio.file.StandardOpenOption.APPEND);
        try (CaseReport report = CaseReport.open(kase)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> report.writeTo(out, ImageMode.BLURRED))
                    .hasMessageContaining("expected a custody event in custody/events.jsonl line 3");
        }
        assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(html);
        assertThat(Files.readAllBytes(out.resolve("report.pdf"))).isEqualTo(pdf);
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(2);
        }
    }

    private static List<BufferedImage> concat(List<BufferedImage> a, List<BufferedImage> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
