package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.exhibit.report.depiction.Depiction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports as a reader sees them: rendered by headless Chromium and by poppler's pdftoppm. */
class RenderingTest {
    @TempDir
    static Path tmp;
    static CaseFixture fixture;
    static Path html;
    static Path pdf;

    @BeforeAll
    static void writeReports() throws Exception {
        FixtureReport written = FixtureReport.write(tmp, 1, 0);
        fixture = written.fixture();
        html = written.html();
        pdf = written.pdf();
    }

    @Test
    void htmlReportRenderedByHeadlessChromiumShowsTheBlurredScreenshot() throws Exception {
        Path shot = tmp.resolve("chromium.png");
        ExternalTools.chromium(tmp, html, "--screenshot=" + shot);
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img).as("a PNG from Chromium").isNotNull();
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(ExternalTools.inked(img)).as("share of non-white pixels").isGreaterThan(0.05);
        // the depiction is drawn as solid blocks of the screenshot's two band colours
        assertThat(ExternalTools.pixelsNear(img, CaseFixture.RED, 24)).isGreaterThan(10_000);
        assertThat(ExternalTools.pixelsNear(img, CaseFixture.BLUE, 24)).isGreaterThan(10_000);
    }

    @Test
    void htmlReportPrintedByChromiumCarriesTheUrlAndEveryHashAsText() throws Exception {
        Path printed = tmp.resolve("chromium-print.pdf");
        ExternalTools.chromium(tmp, html, "--no-pdf-header-footer", "--print-to-pdf=" + printed);
        String text = ReportAssertions.pdfText(printed);
        assertThat(text).contains(fixture.urls.get(0)).contains(fixture.sha256s).contains(Depiction.BLURRED_LABEL);
    }

    @Test
    void pdfReportRenderedByPdftoppmShowsTextAndTheBlurredScreenshot() throws Exception {
        ExternalTools.require(ExternalTools.PDFTOPPM, "poppler-utils");
        ExternalTools.run(tmp, List.of(ExternalTools.PDFTOPPM.toString(), "-png", "-r", "72", "-f", "1", "-l", "1",
                "-singlefile", pdf.toString(), tmp.resolve("page1").toString()));
        ExternalTools.run(tmp, List.of(ExternalTools.PDFTOPPM.toString(), "-png", "-r", "72", "-f", "2", "-l", "2",
                "-singlefile", pdf.toString(), tmp.resolve("page2").toString()));
        BufferedImage first = ImageIO.read(tmp.resolve("page1.png").toFile());
        BufferedImage capture = ImageIO.read(tmp.resolve("page2.png").toFile());
        assertThat(first.getWidth()).isBetween(595, 596);
        assertThat(ExternalTools.inked(first)).as("page 1 has text").isGreaterThan(0.02);
        assertThat(ExternalTools.pixelsNear(capture, CaseFixture.RED, 24)).isGreaterThan(5_000);
        assertThat(ExternalTools.pixelsNear(capture, CaseFixture.BLUE, 24)).isGreaterThan(5_000);
    }
}
