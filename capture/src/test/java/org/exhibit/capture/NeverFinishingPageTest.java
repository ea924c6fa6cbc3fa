package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.testsite.StallSite;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Pages that never finish, captured by a real Chromium with the default bounds: each ends partial, with everything
 * it got kept and the request that never finished named. The wall time is printed (issue 18 wants under 30 s);
 * the assertion is only a hang guard, as the machine may be loaded.
 */
class NeverFinishingPageTest {
    static final Duration HANG_GUARD = Duration.ofSeconds(45);
    static StallSite site;
    static CaptureCase kase;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        site = StallSite.start();
        kase = new CaptureCase(tmp);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void aPictureWhoseBodyNeverComesEndsPartialWithWhatArrivedKeptAndTheRequestNamed() throws Exception {
        String stalled = site.http("/stall.png").toString();
        CaptureResult r = capture("/stalled-image.html");
        assertThat(r.record().warnings()).anySatisfy(w -> assertThat(w).startsWith("never completed: GET " + stalled));
        // the WARC keeps the head and the bytes that came, marked truncated
        Recorded response = response(r.folder(), stalled);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.truncated()).isNotEqualTo(WarcTruncationReason.NOT_TRUNCATED);
        assertThat(response.body()).hasSize(StallSite.STALL_SENT);
        assertThat(response(r.folder(), site.http("/ok.png").toString()).truncated())
                .isEqualTo(WarcTruncationReason.NOT_TRUNCATED);
    }

    @Test
    void aLongPollThatAnswersAfterTwentyFiveSecondsForeverEndsPartialWithThePollNamed() throws Exception {
        CaptureResult r = capture("/long-poll.html");
        String news = site.http("/news").toString();
        assertThat(r.record().warnings()).anySatisfy(w -> assertThat(w).startsWith("never completed: GET " + news));
        assertThat(r.record().steps()).filteredOn(s -> s.name().startsWith("network-idle"))
                .allSatisfy(s -> assertThat(s.message()).contains("GET " + news));
    }

    /** Captures {@code path} with the default bounds; checks it ends partial in time with every page file kept. */
    private static CaptureResult capture(String path) throws Exception {
        long t0 = System.nanoTime();
        CaptureResult r = kase.capturer(PageTimeouts.DEFAULT).capture(site.http(path).toString(), Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        CaptureRecord rec = r.record();
        System.out.println(path + ": " + rec.outcome() + " in " + took.toMillis() + " ms (" + r.timings() + "), steps " + rec.steps().stream()
                .map(s -> s.name() + " " + s.duration().toMillis() + " ms").toList() + ", warnings " + rec.warnings());
        assertThat(rec.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
        assertThat(took).as("a page that never finishes must not hang the capture").isLessThan(HANG_GUARD);
        for (String file : new String[] {PageSteps.SCREENSHOT_VIEWPORT, PageSteps.SCREENSHOT_FULL, PageSteps.DOM,
                PageSteps.MHTML, PageSteps.PDF, PageSteps.PAGE_TEXT, CaptureArtifacts.WACZ}) {
            assertThat(r.folder().resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(r.folder().resolve(PageSteps.DOM))).contains(StallSite.HEADING);
        assertThat(Files.readString(r.folder().resolve(PageSteps.PAGE_TEXT))).contains(StallSite.HEADING);
        assertThat(rec.artifacts()).filteredOn(a -> "resource".equals(a.role()))
                .anySatisfy(a -> assertThat(a.url()).endsWith("/ok.png"));
        assertThat(r.stamp()).as("the record is stamped").isNotNull();
        return r;
    }

    record Recorded(int status, WarcTruncationReason truncated, byte[] body) {
    }

    private static Recorded response(Path folder, String url) throws Exception {
        try (ZipFile wacz = new ZipFile(folder.resolve(CaptureArtifacts.WACZ).toFile());
             InputStream in = wacz.getInputStream(wacz.getEntry("archive/data.warc.gz"));
             WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response && response.target().equals(url)) {
                    return new Recorded(response.http().status(), response.truncated(),
                            response.http().body().stream().readAllBytes());
                }
            }
        }
        throw new AssertionError("no response record for " + url);
    }
}
