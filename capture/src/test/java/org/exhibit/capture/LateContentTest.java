package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.testsite.ViewerSite;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages whose content arrives after the load event, and pages that never go quiet, captured by a real Chromium. */
class LateContentTest {
    static ViewerSite site;
    static CaptureCase kase;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        site = ViewerSite.start();
        kase = new CaptureCase(tmp);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void aViewerThatFetchesItsPdfFromATimerAfterLoadIsShownRenderedInTenCapturesOfTen() throws Exception {
        Capturer capturer = kase.capturer(CaptureCase.TIMEOUTS);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CaptureResult r = capturer.capture(site.http("/viewer.html").toString(), Map.of());
            CaptureRecord rec = r.record();
            double shown = share(r.folder().resolve(PageSteps.SCREENSHOT_VIEWPORT), ViewerSite.PAGE_RGB);
            String text = Files.readString(r.folder().resolve(PageSteps.PAGE_TEXT));
            System.out.println("capture " + (i + 1) + ": " + rec.outcome() + ", page colour " + shown + ", "
                    + rec.steps().stream().filter(s -> s.name().startsWith("network-idle"))
                    .map(s -> s.name() + " " + s.duration().toMillis() + " ms").toList());
            if (rec.outcome() != CaptureOutcome.COMPLETE || shown < 0.15
                    || !text.contains("Page 1 of " + ViewerSite.PDF_PAGES)) {
                failures.add("capture " + (i + 1) + ": " + rec.outcome() + " " + rec.warnings() + ", page colour share "
                        + shown + ", text " + text.strip().lines().findFirst().orElse(""));
            }
            assertThat(rec.artifacts()).filteredOn(a -> "resource".equals(a.role()))
                    .anySatisfy(a -> assertThat(a.url()).endsWith("/doc/page1.png"));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aLongPollThatNeverAnswersEndsThePageStepsWithinTheIdleBoundAsPartial() throws Exception {
        long t0 = System.nanoTime();
        CaptureRecord rec = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/poll.html").toString(), Map.of())
                .record();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("long poll capture: " + took.toMillis() + " ms, " + rec.warnings());
        assertThat(rec.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
        // the wait ends at its bound, or once the poll has got nothing for the stall period: either way it says so
        assertThat(rec.warnings()).anySatisfy(w -> assertThat(w).startsWith("network-idle: partial, the network "));
        assertThat(rec.warnings()).anySatisfy(w -> assertThat(w).startsWith("never completed: GET " + site.http("/poll")));
        // two idle waits of 5 s each, plus the other steps: well under the page-load bound plus both waits
        assertThat(took).isLessThan(Duration.ofSeconds(45));
    }

    /** The share of the image's pixels that are exactly {@code rgb}. */
    private static double share(Path png, int rgb) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        long hits = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                hits += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return hits / (double) (((img.getHeight() + 3) / 4) * ((img.getWidth() + 3) / 4));
    }
}
