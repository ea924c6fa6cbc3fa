package org.exhibit.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.exhibit.capture.testsite.CaptureTestSite;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page steps against a real Chromium and the test site over plain HTTP, without a recording proxy. */
class PageStepsTest {
    static CaptureTestSite site;

    @BeforeAll
    static void startSite() throws Exception {
        site = CaptureTestSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void tallPageIsScrolledSoLazyImagesLoadAndTheFullScreenshotIsAsTallAsThePage(@TempDir Path dir) throws Exception {
        PageResult page;
        try (BrowserSession session = Browser.start(BrowserOptions.defaults())) {
            page = new PageSteps(PageTimeouts.DEFAULT, null).run(session, site.http("/tall.html"), dir);
        }
        page.steps().forEach(s -> System.out.println(s.name() + " " + s.duration().toMillis() + " ms " + s.outcome()));
        assertThat(page.complete()).as(page.warnings().toString()).isTrue();
        assertThat(site.requested()).contains("/img/lazy-1.png", "/img/lazy-4.png", "/img/observed-1.png",
                "/img/observed-3.png");
        BufferedImage full = ImageIO.read(dir.resolve(PageSteps.SCREENSHOT_FULL).toFile());
        assertThat(full.getHeight()).isEqualTo(24 * 900);
        assertThat(full.getWidth()).isEqualTo(1366);
        BufferedImage first = ImageIO.read(dir.resolve(PageSteps.SCREENSHOT_VIEWPORT).toFile());
        assertThat(first.getWidth()).isEqualTo(1366);
        assertThat(first.getHeight()).isEqualTo(900);
        assertThat(Files.readString(dir.resolve(PageSteps.DOM))).startsWith("<!DOCTYPE html>").contains("Screen 24");
        assertThat(page.title()).isEqualTo("Tall page");
    }

    @Test
    void pageThatFitsTheFirstScreenHasTheSameFullPageScreenshotAndOnePixelMoreIsRenderedWhole(@TempDir Path dir)
            throws Exception {
        Path fits = Files.createDirectory(dir.resolve("fits"));
        Path taller = Files.createDirectory(dir.resolve("taller"));
        try (BrowserSession session = Browser.start(BrowserOptions.defaults())) {
            new PageSteps(PageTimeouts.DEFAULT, null).run(session, site.http("/"), fits);
            new PageSteps(PageTimeouts.DEFAULT, null).run(session, site.http("/one-screen-and-a-pixel.html"), taller);
        }
        assertThat(fits.resolve(PageSteps.SCREENSHOT_FULL)).hasSameBinaryContentAs(fits.resolve(PageSteps.SCREENSHOT_VIEWPORT));
        BufferedImage first = ImageIO.read(fits.resolve(PageSteps.SCREENSHOT_FULL).toFile());
        assertThat(first.getWidth()).isEqualTo(1366);
        assertThat(first.getHeight()).isEqualTo(900);
        BufferedImage full = ImageIO.read(taller.resolve(PageSteps.SCREENSHOT_FULL).toFile());
        assertThat(full.getHeight()).isEqualTo(901);
        assertThat(full.getRGB(10, 900)).isEqualTo(0xff003366);
        assertThat(ImageIO.read(taller.resolve(PageSteps.SCREENSHOT_VIEWPORT).toFile()).getHeight()).isEqualTo(900);
    }

    @Test
    void crashedBrowserEndsTheStepsWithTheReasonInsteadOfHanging(@TempDir Path dir) throws Exception {
        PageResult page;
        Instant start = Instant.now();
        try (BrowserSession session = Browser.start(BrowserOptions.defaults())) {
            NetworkIdle crash = (quiet, max) -> {
                assertThat(session.browserProcesses().peek(ProcessHandle::destroyForcibly).count()).isPositive();
                Thread.sleep(1000);
                return true;
            };
            page = new PageSteps(PageTimeouts.DEFAULT, crash).run(session, site.http("/slow.html"), dir);
        }
        page.steps().forEach(s -> System.out.println(s.name() + " " + s.duration().toMillis() + " ms " + s.outcome() + " " + s.message()));
        assertThat(page.failure()).contains("the browser");
        assertThat(page.steps().get(1).outcome()).isEqualTo(StepOutcome.OK);
        assertThat(page.steps()).last().extracting(Step::outcome).isEqualTo(StepOutcome.SKIPPED);
        assertThat(page.complete()).isFalse();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(3));
    }

    @Test
    void missingChromiumFailsWithTheInstallHint() {
        BrowserOptions missing = BrowserOptions.defaults().withChromium(Path.of("/nonexistent/chromium"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Browser.start(missing))
                .isInstanceOf(BrowserUnavailableException.class)
                .hasMessage("Chromium not found at /nonexistent/chromium; install it with 'apt-get install -y chromium"
                        + " chromium-driver' or point --browser / EXHIBIT_CHROMIUM at it");
    }

    @Test
    void neverEndingImageEndsNavigationAsPartialWithinItsTimeoutAndTheRestIsCaptured(@TempDir Path dir) throws Exception {
        PageTimeouts t = PageTimeouts.DEFAULT.withNavigate(Duration.ofSeconds(5));
        Instant start = Instant.now();
        PageResult page;
        try (BrowserSession session = Browser.start(BrowserOptions.defaults())) {
            page = new PageSteps(t, null).run(session, site.http("/hang.html"), dir);
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.println("took " + took); page.steps().forEach(s -> System.out.println(s.name() + " " + s.duration().toMillis() + " ms " + s.outcome()));
        assertThat(page.steps().get(1).outcome()).isEqualTo(StepOutcome.PARTIAL);
        assertThat(page.files()).containsKeys("screenshot-full", "dom", "mhtml", "pdf");
        assertThat(took).isLessThan(Duration.ofSeconds(40));
    }
}
