package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.interact.AgeGate;
import org.exhibit.capture.interact.Interactions;
import org.exhibit.capture.testsite.InteractSite;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Age gates, consent walls, login walls and "load more" feeds, captured by a real Chromium from 127.0.0.1. */
class InteractionsTest {
    static InteractSite site;
    static CaptureCase kase;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        site = InteractSite.start();
        kase = new CaptureCase(tmp);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void ageGateIsClickedThroughAsARecordedStepAndTheImageBehindItIsKept() throws Exception {
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/age.html").toString(), Map.of());
        CaptureRecord rec = r.record();
        print(rec);
        assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("click")).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(StepOutcome.OK);
            assertThat(s.message()).isEqualTo("age-gate: clicked \"I am 18 or older\" at div#age-gate > button.enter:nth-of-type(2)");
        });
        assertThat(rec.artifacts()).filteredOn(a -> a.role().equals("resource"))
                .anySatisfy(a -> assertThat(a.url()).endsWith(InteractSite.CONTENT_IMAGE));
        assertThat(rec.artifacts()).extracting(Artifact::role).startsWith("screenshot-before-actions", "screenshot-viewport");
        assertThat(r.folder().resolve(PageSteps.SCREENSHOT_BEFORE_ACTIONS)).isRegularFile();
    }

    @Test
    void ageGateLeftClosedWhenToldToStopMakesThePartialCaptureSaySo() throws Exception {
        CaptureRecord rec = kase.capturer(CaptureCase.TIMEOUTS, Interactions.DEFAULT.withAgeGate(AgeGate.STOP))
                .capture(site.http("/age.html").toString(), Map.of()).record();
        print(rec);
        assertThat(rec.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
        assertThat(rec.steps()).noneMatch(s -> s.name().equals("click"));
        assertThat(rec.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("walls: partial, age gate not passed: \"I am 18 or older\" at div#age-gate > button.enter:nth-of-type(2)")
                .endsWith("(--age-gate stop)"));
    }

    @Test
    void consentWallIsDismissedBeforeTheScreenshotsAndTheFirstScreenBeforeItIsKept() throws Exception {
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/consent.html").toString(), Map.of());
        CaptureRecord rec = r.record();
        print(rec);
        assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("click")).singleElement()
                .extracting(Step::message).asString().startsWith("consent: clicked \"Accept all\" at ");
        assertThat(share(r.folder().resolve(PageSteps.SCREENSHOT_BEFORE_ACTIONS), InteractSite.CONSENT_RGB)).isGreaterThan(0.5);
        assertThat(share(r.folder().resolve(PageSteps.SCREENSHOT_VIEWPORT), InteractSite.CONSENT_RGB)).isZero();
    }

    @Test
    void consentBannerInsideAShadowRootIsClickedAndItsPathCrossesIntoIt() throws Exception {
        CaptureRecord rec = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/consent-shadow.html").toString(),
                Map.of()).record();
        print(rec);
        assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("click")).singleElement().extracting(Step::message)
                .isEqualTo("consent: clicked \"Allow all\" at div#cmp-root >>> div.banner > button.ok:nth-of-type(2)");
    }

    @Test
    void scrollLimitInScreensCutsTheFeedAndTheScrollStepSaysWhere() throws Exception {
        CaptureRecord rec = kase.capturer(CaptureCase.TIMEOUTS.withScroll(3, Duration.ofSeconds(60)))
                .capture(site.http("/feed.html").toString(), Map.of()).record();
        print(rec);
        assertThat(rec.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
        assertThat(rec.warnings()).contains("scroll: partial, limit of 3 screens reached; the page goes on");
    }

    @Test
    void loginWallThatCannotBePassedMakesThePartialCaptureNameIt() throws Exception {
        CaptureRecord rec = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/login.html").toString(), Map.of())
                .record();
        print(rec);
        assertThat(rec.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
        assertThat(rec.steps()).noneMatch(s -> s.name().equals("click"));
        assertThat(rec.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("walls: partial, login wall: the page says \"Log in to see\"")
                .contains("the content needs a logged-in profile, see `exhibit profile create`"));
    }

    @Test
    void feedIsScrolledAndItsLoadMoreButtonClickedUntilEveryPostIsInTheDom() throws Exception {
        CaptureRecord rec = capturedWithEveryPost("/feed.html", InteractSite.FEED_POSTS).record();
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("click")).hasSize(5)
                .allSatisfy(s -> assertThat(s.message()).isEqualTo("load-more: clicked \"Load more\" at button#more"));
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("scroll")).last().extracting(Step::message).asString()
                .startsWith("end of page reached after ");
    }

    @Test
    void feedThatFetchesMoreLateAndSlowlyOnceItsEndIsInViewIsScrolledToItsEnd() throws Exception {
        // each batch is asked for only once the end of the one before is in view: a settle at the bottom that
        // gave up before the answer came (as the blind 0.6 s did) leaves the later batches out
        CaptureRecord rec = capturedWithEveryPost("/slow-feed.html", InteractSite.SLOW_FEED_POSTS).record();
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("scroll")).singleElement().extracting(Step::message)
                .asString().startsWith("end of page reached after ");
        assertThat(rec.steps()).filteredOn(s -> s.name().equals("network-idle-after-scroll")).singleElement()
                .extracting(Step::message).asString().startsWith("quiet counted from the last scroll, at the bottom of the page ");
    }

    @Test
    void feedThatAppendsMoreFromATimerWithoutTheNetworkOnceItsEndIsInViewIsScrolledToItsEnd() throws Exception {
        // no request tells the settle at the bottom to wait: its least pause (the quiet period) must do
        capturedWithEveryPost("/timer-feed.html", InteractSite.TIMER_FEED_POSTS);
    }

    /** Captures a feed page and checks the capture is complete with posts 1 to {@code posts} in its DOM. */
    private CaptureResult capturedWithEveryPost(String path, int posts) throws Exception {
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http(path).toString(), Map.of());
        print(r.record());
        assertThat(r.record().outcome()).as(r.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        String dom = Files.readString(r.folder().resolve(PageSteps.DOM));
        assertThat(IntStream.rangeClosed(1, posts).filter(i -> !dom.contains("id=\"post-" + i + "\"")))
                .as("posts missing from the DOM").isEmpty();
        return r;
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

    private static void print(CaptureRecord rec) {
        rec.steps().forEach(s -> System.out.println(s.name() + " " + s.duration().toMillis() + " ms " + s.outcome()
                + (s.message() == null ? "" : " " + s.message())));
    }
}
