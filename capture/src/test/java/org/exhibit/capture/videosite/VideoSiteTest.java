package org.exhibit.capture.videosite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserSession;
import org.exhibit.capture.videosite.VideoSite.Rendition;
import org.exhibit.capture.videosite.VideoSite.Request;
import org.exhibit.capture.videosite.VideoSite.VideoStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The video test site works: its references are what they claim, it serves media as players expect, and each
 * player page plays in Debian's headless Chromium.
 */
class VideoSiteTest {
    static VideoSite site;
    static BrowserSession browser;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        site = VideoSite.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        site.close();
    }

    @Test
    void referencesHaveTheDeclaredDurationsResolutionsAndCodecs() {
        assertProbe("source.mp4", "h264", 640, 360);
        assertProbe("clip.mp4", "h264", 640, 360);
        assertProbe("other.mp4", "h264", 640, 360);
        assertProbe("clip.webm", "vp9", 640, 360);
        for (VideoStream s : List.of(site.hlsTs(), site.hlsFmp4Aes(), site.dash())) {
            assertThat(s.renditions()).extracting(Rendition::name).containsExactly("360p", "180p");
            assertThat(s.best().resolution()).isEqualTo("640x360");
            assertThat(s.lowest().resolution()).isEqualTo("320x180");
            assertThat(s.best().codecs()).startsWith("avc1.64001e");
            assertThat(s.lowest().codecs()).startsWith("avc1.4d4015");
            for (Rendition r : s.renditions()) {
                assertProbe(r.reference(), "h264", r.width(), r.height());
                assertThat(r.segments()).as(s.name() + " " + r.name()).hasSize(3);
            }
            assertThat(s.best().bandwidth()).isGreaterThan(2 * s.lowest().bandwidth());
        }
        assertThat(site.dash().audio().codecs()).isEqualTo("mp4a.40.2");
        assertThat(site.dash().audio().segments()).hasSize(3);
        // each stream is its own encode: the same rendition of two streams decodes to different pictures
        assertThat(Clips.videoFrameDigests(site.reference("hls-ts/360p.mp4").toString()))
                .doesNotContainAnyElementsOf(Clips.videoFrameDigests(site.reference("dash/360p.mp4").toString()));
    }

    private static void assertProbe(String reference, String codec, int width, int height) {
        String probe = Clips.probe(site.reference(reference).toString(), "stream=codec_type,codec_name,width,height"
                + ":format=duration");
        assertThat(probe).as(reference).contains("codec_name=" + codec + "\ncodec_type=video\nwidth=" + width
                + "\nheight=" + height, "codec_type=audio");
        double seconds = Double.parseDouble(probe.split("duration=")[1].split("\n")[0]);
        assertThat(seconds).as(reference + " duration").isBetween(5.9, 6.1);
    }

    @Test
    void scriptFailsNamingFfmpegWhenItIsMissing(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", Clips.script(dir).toString(), dir.resolve("out").toString())
                .redirectErrorStream(true);
        pb.environment().put("PATH", dir.toString()); // bash's own builtins only
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(3);
        assertThat(output).startsWith("make-clips.sh: ffmpeg not found on PATH").contains("bin/setup installs them");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void eachRenditionServedDecodesToTheFramesOfItsReference() throws Exception {
        // served URL -> the reference whose decoded frames it must have; the lowest renditions are cut the same way
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put(site.hlsTs().best().playlist(), site.hlsTs().best().reference());
        pairs.put(site.hlsTs().lowest().playlist(), site.hlsTs().lowest().reference());
        pairs.put(site.hlsFmp4Aes().best().playlist(), site.hlsFmp4Aes().best().reference());
        pairs.put(site.dash().manifest(), site.dash().best().reference()); // ffmpeg reads the first Representation
        pairs.put(VideoSite.PROGRESSIVE_MP4, "source.mp4");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<List<String>>> served = new LinkedHashMap<>();
            Map<String, Future<List<String>>> references = new LinkedHashMap<>();
            pairs.forEach((url, ref) -> {
                served.put(url, two.submit(() -> Clips.videoFrameDigests(site.url(url).toString())));
                references.put(url, two.submit(() -> Clips.videoFrameDigests(site.reference(ref).toString())));
            });
            for (String url : pairs.keySet()) {
                assertThat(references.get(url).get()).hasSize(150);
                assertThat(served.get(url).get()).as(url).isEqualTo(references.get(url).get());
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(site.requests(r -> r.path().equals(site.hlsFmp4Aes().key()))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isIn(200, 206));
    }

    @Test
    void servesMediaTypesAndRanges() throws Exception {
        Map<String, String> types = Map.of(
                site.hlsTs().manifest(), "application/vnd.apple.mpegurl",
                site.hlsTs().best().segments().get(0), "video/mp2t",
                site.hlsFmp4Aes().best().init(), "video/mp4",
                site.hlsFmp4Aes().best().segments().get(1), "video/iso.segment",
                site.hlsFmp4Aes().key(), "application/octet-stream",
                site.dash().manifest(), "application/dash+xml",
                site.dash().audio().segments().get(0), "video/iso.segment",
                VideoSite.PROGRESSIVE_MP4, "video/mp4",
                VideoSite.DOWNLOAD_WEBM, "video/webm");
        for (var e : types.entrySet()) {
            HttpResponse<byte[]> r = get(e.getKey(), null);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(e.getKey()).hasValue(e.getValue());
            assertThat(r.headers().firstValue("Accept-Ranges")).as(e.getKey()).hasValue("bytes");
        }
        assertThat(get(site.hlsFmp4Aes().key(), null).body()).isEqualTo("Exhibit test key".getBytes());
        String master = new String(get(site.hlsTs().manifest(), null).body());
        Rendition best = site.hlsTs().best();
        assertThat(master).contains("BANDWIDTH=" + best.bandwidth() + ",", "RESOLUTION=640x360",
                "CODECS=\"avc1.64001e,mp4a.40.2\"");
        assertThat(new String(get(best.playlist(), null).body())).contains("#EXT-X-ENDLIST", "#EXTINF:2.000000,");

        byte[] mp4 = Files.readAllBytes(site.reference("clip.mp4"));
        HttpResponse<byte[]> part = get(VideoSite.PROGRESSIVE_MP4, "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + mp4.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp4, 100, 200));
        HttpResponse<byte[]> tail = get(VideoSite.PROGRESSIVE_MP4, "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 10, mp4.length));
        assertThat(get(VideoSite.PROGRESSIVE_MP4, "bytes=" + mp4.length + "-").statusCode()).isEqualTo(416);
        assertThat(site.requests(r -> "bytes=100-199".equals(r.range())))
                .extracting(Request::method, Request::path, Request::status, Request::bytes)
                .containsExactly(tuple("GET", VideoSite.PROGRESSIVE_MP4, 206, 100L));
        HttpResponse<byte[]> head = CLIENT.send(HttpRequest.newBuilder(site.url(VideoSite.DOWNLOAD_WEBM))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(Long.toString(Files.size(site.reference("clip.webm"))));
        assertThat(head.body()).isEmpty();
        assertThat(get("/no/such/thing", null).statusCode()).isEqualTo(404);
        assertThat(get("/media/../../etc/passwd", null).statusCode()).isEqualTo(404);
    }

    @Test
    void livePlaylistNeverEndsAndMovesOn() throws Exception {
        String first = new String(get(site.live().playlist(), null).body());
        assertThat(first).doesNotContain("#EXT-X-ENDLIST").contains("#EXT-X-MEDIA-SEQUENCE:");
        long sequence = mediaSequence(first);
        String later = first;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (mediaSequence(later) == sequence && System.nanoTime() < deadline) {
            Thread.sleep(200);
            later = new String(get(site.live().playlist(), null).body());
        }
        assertThat(mediaSequence(later)).isEqualTo(sequence + 1);
        assertThat(later).doesNotContain("#EXT-X-ENDLIST");
        // segment N is the source rendition's segment N mod 3, whatever N
        long n = sequence + 1;
        assertThat(get("/live/seg" + (n + 3000) + ".ts", null).body())
                .isEqualTo(Files.readAllBytes(site.reference(site.live().source().segments().get((int) (n % 3))
                        .substring("/media/".length()))));
    }

    private static long mediaSequence(String playlist) {
        return Long.parseLong(playlist.split("#EXT-X-MEDIA-SEQUENCE:")[1].split("\n")[0].trim());
    }

    @Test
    void downloadPageLinksTheWebmAndTheMp4() throws Exception {
        String html = new String(get(VideoSite.DOWNLOAD_PAGE, null).body());
        assertThat(html).contains("<a href=\"/media/clip.webm\" download>Download video</a>",
                "<a href=\"/media/clip.mp4\">", VideoPages.BYLINE).doesNotContain("<video");
    }

    // --- in Chromium ---

    @Test
    void hlsTsPlaysTheLowerRenditionOnly() {
        site.clearRequests();
        play(site.https(VideoSite.HLS_TS_PAGE), "320x180");
        List<String> segments = paths(r -> r.path().startsWith("/media/hls-ts/") && r.path().endsWith(".ts"));
        assertThat(segments).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("/media/hls-ts/180p/"));
        assertThat(paths(r -> r.path().contains("/360p/"))).isEmpty();
        assertThat(paths(r -> true)).contains("/lib/hls.min.js", site.hlsTs().manifest(), site.hlsTs().lowest().playlist());
    }

    @Test
    void hlsFmp4AesPlaysWithTheKeyTheSiteServes() {
        site.clearRequests();
        play(site.https(VideoSite.HLS_FMP4_AES_PAGE), "320x180");
        assertThat(paths(r -> true)).contains(site.hlsFmp4Aes().key(), site.hlsFmp4Aes().lowest().init(),
                site.hlsFmp4Aes().lowest().segments().get(0)).noneMatch(p -> p.contains("/360p/"));
    }

    @Test
    void dashPlaysTheBestVideoAndTheAudio() {
        site.clearRequests();
        play(site.https(VideoSite.DASH_PAGE), "640x360");
        VideoStream dash = site.dash();
        assertThat(paths(r -> r.status() == 200)).contains(dash.manifest(), dash.best().init(), dash.audio().init())
                .containsAll(dash.best().segments()).containsAll(dash.audio().segments())
                .doesNotContain(dash.lowest().init());
    }

    @Test
    void progressiveMp4IsFetchedInRanges() {
        site.clearRequests();
        play(site.https(VideoSite.PROGRESSIVE_PAGE), "640x360");
        assertThat(site.requests(r -> r.path().equals(VideoSite.PROGRESSIVE_MP4)))
                .anySatisfy(r -> {
                    assertThat(r.range()).startsWith("bytes=");
                    assertThat(r.status()).isEqualTo(206);
                });
    }

    @Test
    void iframePlaysAPlayerFromAnotherOrigin() {
        site.clearRequests();
        WebDriver driver = browser().driver();
        driver.get(site.https(VideoSite.IFRAME_PAGE).toString());
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(VideoSite.BYLINE);
        driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
        try {
            awaitPlayback("320x180");
        } finally {
            driver.switchTo().defaultContent();
        }
        String other = "https://localhost:" + site.crossOriginUrl("/").getPort();
        assertThat(site.requests(r -> r.origin().equals(other))).extracting(Request::path)
                .contains(VideoSite.HLS_TS_PAGE, site.hlsTs().manifest());
        // the clip's segments (not a live segment an earlier test's player may still have had in flight)
        assertThat(site.requests(r -> r.path().startsWith("/media/") && r.path().endsWith(".ts")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.origin()).isEqualTo(other));
    }

    @Test
    void livePlaysAndKeepsReloadingThePlaylist() {
        site.clearRequests();
        play(site.https(VideoSite.LIVE_PAGE), "640x360");
        assertThat(paths(r -> r.path().startsWith("/live/seg"))).isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (paths(r -> r.path().equals(site.live().playlist())).size() < 2 && System.nanoTime() < deadline) {
            sleep(200);
        }
        assertThat(paths(r -> r.path().equals(site.live().playlist()))).hasSizeGreaterThan(1);
    }

    private static List<String> paths(Predicate<Request> which) {
        return site.requests(which).stream().map(Request::path).toList();
    }

    private static BrowserSession browser() {
        if (browser == null) {
            browser = Browser.start(BrowserOptions.defaults().withProxy(null, List.of(site.spki())));
        }
        return browser;
    }

    /** Opens the page, checks its byline and waits for its video to play past 1 s at the given size. */
    private static void play(URI page, String size) {
        WebDriver driver = browser().driver();
        driver.get(page.toString());
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(VideoSite.BYLINE);
        awaitPlayback(size);
    }

    /**
     * Waits for the page's video to have played more than 1 s of media (the sum of its {@code played} ranges, so a
     * live stream that starts at its live edge counts from there too) and checks its picture size.
     */
    private static void awaitPlayback(String size) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(20).toNanos();
        Map<?, ?> state = state();
        while (played(state) <= 1 && System.nanoTime() < deadline) {
            sleep(100);
            state = state();
        }
        System.out.printf("videosite: %s played %.2f s in %d ms (%s)%n", browser().driver().getCurrentUrl(),
                played(state), (System.nanoTime() - start) / 1_000_000, state);
        assertThat(played(state)).as("seconds played, page state " + state + ", console " + browser().console())
                .isGreaterThan(1);
        assertThat(state.get("size")).as("video size").isEqualTo(size);
        assertThat(browser().console()).as("console").noneMatch(m -> m.level().equals("SEVERE"));
    }

    private static double played(Map<?, ?> state) {
        return ((Number) state.get("played")).doubleValue();
    }

    private static Map<?, ?> state() {
        return (Map<?, ?>) browser().script("const v = document.querySelector('video'); let played = 0;"
                + " for (let i = 0; i < v.played.length; i++) { played += v.played.end(i) - v.played.start(i); }"
                + " return {played: played, time: v.currentTime, paused: v.paused,"
                + " size: v.videoWidth + 'x' + v.videoHeight, player: document.body.dataset.player || '',"
                + " error: v.error ? v.error.message : ''};");
    }

    private static HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.url(path)).timeout(Duration.ofSeconds(10));
        if (range != null) {
            b.header("Range", range);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
