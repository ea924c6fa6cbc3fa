package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.testsite.CaptureTestSite;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.BrowserContext;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord.Redirect;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.exhibit.metadata.ArtifactInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole captures with a real Chromium, the recording proxy, a real TSA and the test site on 127.0.0.1. */
class CapturerTest {
    @TempDir
    static Path tmp;
    static CaptureTestSite site;
    static CaptureCase kase;

    @BeforeAll
    static void start() throws Exception {
        site = CaptureTestSite.start();
        kase = new CaptureCase(tmp);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void httpsRedirectChainStatusesHeadersCertificateAndIpAreInTheRecord() throws Exception {
        String url = site.https("/redirect/301").toString();
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(url, Map.of("platform", "test site"));
        CaptureRecord rec = r.record();
        System.out.println("redirect capture " + r.timings());

        assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(rec.redirectChain()).containsExactly(
                new Redirect(url, 301, "/redirect/302"),
                new Redirect(site.https("/redirect/302").toString(), 302, "/article.html"));
        assertThat(rec.finalUrl()).isEqualTo(site.https("/article.html").toString());
        assertThat(rec.title()).isEqualTo("Test article");
        assertThat(rec.mainDocument().status()).isEqualTo(200);
        assertThat(rec.mainDocument().headers()).anySatisfy(h -> {
            assertThat(h.name()).isEqualToIgnoringCase("Content-Encoding");
            assertThat(h.value()).isEqualTo("gzip");
        });
        String origin = "https://127.0.0.1:" + site.https("/").getPort();
        assertThat(rec.tls()).singleElement().satisfies(o -> {
            assertThat(o.origin()).isEqualTo(origin);
            assertThat(o.ip()).isEqualTo("127.0.0.1");
            assertThat(o.chain().get(0).sha256()).isEqualTo(site.certificate().sha256());
            assertThat(o.warnings()).isNotEmpty();
        });
        // a certificate no browser would accept is evidence, and said so in the record's warnings
        assertThat(rec.warnings()).anySatisfy(w -> assertThat(w).startsWith("TLS of the page's own " + origin + ": ")
                .contains("self-signed certificate"));
        assertThat(rec.hosts()).extracting(CaptureRecord.HostAddress::ip).containsOnly("127.0.0.1");
        assertThat(rec.notes()).containsEntry("platform", "test site");
        assertThat(rec.investigator()).isEqualTo(kase.dana.actor());
        assertThat(rec.environment().browser()).startsWith("chrome ");
        assertThat(rec.environment().viewport()).isEqualTo("1366x900");
        assertThat(rec.console()).anySatisfy(m -> assertThat(m.text()).contains("exhibit test script ran"));

        Path dir = kase.ws.capturesDir().resolve(r.id());
        assertThat(r.folder()).isEqualTo(dir);
        assertThat(Json.read(dir.resolve("capture.json"), CaptureRecord.class)).isEqualTo(rec);
        assertThat(r.stamp().stamped()).isTrue();
        assertThat(dir.resolve("capture.json.local.tsr")).isRegularFile();
        assertThat(kase.ws.custody().events()).extracting(CustodyEvent::action, CustodyEvent::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("captured", "captures/" + r.id()),
                        org.assertj.core.groups.Tuple.tuple("timestamped", "captures/" + r.id()));
        for (Artifact a : rec.artifacts()) {
            assertThat(org.exhibit.integrity.digest.Sha256.of(dir.resolve(a.path())).hex()).as(a.path()).isEqualTo(a.sha256());
        }
        // a resource carries the SHA-256 the extractor computed; the artifact is what inspecting the file afresh gives
        ArtifactInspector afresh = new ArtifactInspector();
        assertThat(rec.artifacts()).filteredOn(a -> a.role().equals("resource")).isNotEmpty();
        for (Artifact a : rec.artifacts()) {
            assertThat(afresh.inspect(dir.resolve(a.path()), a.path(), a.role()).withUrl(a.url())).as(a.path())
                    .isEqualTo(a);
        }
        assertThat(rec.artifacts()).extracting(Artifact::role)
                .contains("screenshot-viewport", "screenshot-full", "dom", "mhtml", "pdf", "wacz");
        Artifact gps = resource(r, site.https("/img/gps.jpg").toString());
        assertThat(Files.readAllBytes(dir.resolve(gps.path()))).isEqualTo(CaptureTestSite.gpsJpeg());
        assertThat(gps.mediaType()).isEqualTo("image/jpeg");
        assertThat(((Map<?, ?>) gps.exif().get("gps")).get("lat")).isEqualTo(48.858222222222224);
        assertThat(CaptureWarc.responses(dir).get(site.https("/img/gps.jpg").toString())).isEqualTo(CaptureTestSite.gpsJpeg());
        WaczCheck.datapackageMatches(dir.resolve("capture.wacz"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("capture.json")))
                    .allMatch(n -> rec.artifacts().stream().anyMatch(a -> a.path().equals(n) || a.path().startsWith(n + "/")));
        }
    }

    @Test
    void aRedirectLoopFailsWithItsChainRecorded() throws Exception {
        String url = site.http("/redirect/loop").toString();
        CaptureRecord rec = kase.capturer(CaptureCase.TIMEOUTS).capture(url, Map.of()).record();
        assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.FAILED);
        assertThat(rec.warnings().get(0)).contains("a redirect loop: " + url + " redirects back to itself");
        assertThat(rec.redirectChain()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.url()).isEqualTo(url);
            assertThat(r.status()).isEqualTo(302);
        });
    }

    @Test
    void aRedirectChainPastTheBoundFailsAndAShortOneCompletes() throws Exception {
        CaptureRecord tooLong = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/redirect/hops/30").toString(),
                Map.of()).record();
        assertThat(tooLong.outcome()).as(tooLong.warnings().toString()).isEqualTo(CaptureOutcome.FAILED);
        assertThat(tooLong.warnings().get(0)).containsAnyOf("more than 20 redirects",
                "the redirect chain never reached a document");
        assertThat(tooLong.redirectChain()).hasSizeGreaterThanOrEqualTo(20);
        CaptureRecord shortChain = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/redirect/hops/5").toString(),
                Map.of()).record();
        assertThat(shortChain.outcome()).as(shortChain.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(shortChain.redirectChain()).hasSize(5);
        assertThat(shortChain.title()).isEqualTo("Test article");
    }

    @Test
    void tallPageIsCapturedWholeWithItsLazyImages() throws Exception {
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/tall.html").toString(), Map.of());
        System.out.println("tall capture " + r.timings());
        assertThat(r.outcome()).as(r.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        BufferedImage full = ImageIO.read(r.folder().resolve(PageSteps.SCREENSHOT_FULL).toFile());
        assertThat(full.getHeight()).isEqualTo(24 * 900);
        assertThat(full.getWidth()).isEqualTo(1366);
        BufferedImage first = ImageIO.read(r.folder().resolve(PageSteps.SCREENSHOT_VIEWPORT).toFile());
        assertThat(first.getWidth()).isEqualTo(1366);
        assertThat(first.getHeight()).isEqualTo(900);
        Map<String, byte[]> payloads = CaptureWarc.responses(r.folder());
        for (String path : List.of("/img/lazy-1.png", "/img/lazy-2.png", "/img/lazy-3.png", "/img/lazy-4.png",
                "/img/observed-1.png", "/img/observed-2.png", "/img/observed-3.png")) {
            byte[] sent = site.images().get(path);
            assertThat(payloads.get(site.http(path).toString())).as(path + " in the WARC").isEqualTo(sent);
            Artifact a = resource(r, site.http(path).toString());
            assertThat(a.path()).isEqualTo("resources/" + org.exhibit.integrity.digest.Sha256.ofBytes(sent).hex() + ".png");
            assertThat(Files.readAllBytes(r.folder().resolve(a.path()))).as(path + " in resources/").isEqualTo(sent);
        }
    }

    @Test
    void neverCompletingRequestMakesTheCapturePartialWithinItsTimeout() throws Exception {
        PageTimeouts quick = CaptureCase.TIMEOUTS.withNavigate(Duration.ofSeconds(5));
        Instant start = Instant.now();
        CaptureResult r = kase.capturer(quick).capture(site.http("/hang.html").toString(), Map.of());
        Duration took = Duration.between(start, Instant.now());
        System.out.println("hang capture " + r.timings());
        assertThat(r.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
        assertThat(r.record().warnings()).anySatisfy(w -> assertThat(w).contains("/img/never.png"));
        Step navigate = r.record().steps().stream().filter(s -> s.name().equals("navigate")).findFirst().orElseThrow();
        assertThat(navigate.outcome()).isEqualTo(StepOutcome.PARTIAL);
        assertThat(navigate.message()).contains("did not finish loading within 5 s");
        assertThat(navigate.duration()).isLessThan(quick.navigate().plusSeconds(5));
        assertThat(r.record().steps()).filteredOn(s -> s.name().startsWith("network-idle"))
                .allSatisfy(s -> assertThat(s.duration()).isLessThan(quick.idle().plusSeconds(5)));
        assertThat(r.record().artifacts()).extracting(Artifact::role).contains("screenshot-full", "dom", "pdf", "wacz");
        // bounded even on a machine so loaded that starting Chromium alone takes 20 s
        assertThat(took).isLessThan(Duration.ofMinutes(3));
    }

    @Test
    void notFoundAndServerErrorPagesAreCapturedAsWhatTheyAre() throws Exception {
        Capturer capturer = kase.capturer(CaptureCase.TIMEOUTS);
        CaptureResult missing = capturer.capture(site.http("/missing.html").toString(), Map.of());
        CaptureResult broken = capturer.capture(site.http("/broken.html").toString(), Map.of());
        assertThat(missing.record().mainDocument().status()).isEqualTo(404);
        assertThat(missing.record().title()).isEqualTo("Not found");
        assertThat(missing.outcome()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(broken.record().mainDocument().status()).isEqualTo(500);
        assertThat(broken.record().title()).isEqualTo("Server error");
        assertThat(Files.readString(broken.folder().resolve(PageSteps.DOM))).contains("500: the server failed");
    }

    @Test
    void aBrowserStartedEarlyServesTheCaptureAndQuitsAfterTheLastPageLeavingNoBrowserRunning() throws Exception {
        CaptureOptions options = CaptureOptions.defaults().withTimeouts(CaptureCase.TIMEOUTS).withTimestamper(kase.timestamper());
        java.util.Set<ProcessHandle> before = java.util.Set.copyOf(chromedrivers());   // other tests' kept browsers
        try (EarlyBrowser unused = EarlyBrowser.start(options)) {
            assertThat(await(() -> newDrivers(before).isEmpty() ? null : true)).as("the early browser starts on its own").isNotNull();
        }
        assertThat(await(() -> newDrivers(before).isEmpty() ? true : null)).as("an early browser no capturer took is quit").isNotNull();

        CaptureResult first;
        CaptureResult second;
        try (EarlyBrowser early = EarlyBrowser.start(options);
             Capturer capturer = new Capturer(kase.ws, kase.dana.publicInfo(), options, early)) {
            capturer.quitBrowsersAfterNextPage();
            first = capturer.capture(site.http("/remember.html").toString(), Map.of());
            second = capturer.capture(site.http("/recall.html").toString(), Map.of()); // starts a browser again
        }
        assertThat(await(() -> newDrivers(before).isEmpty() ? true : null)).as("no browser is left running").isNotNull();
        for (CaptureResult r : List.of(first, second)) {
            assertThat(r.outcome()).as(r.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
            assertThat(r.record().artifacts()).extracting(Artifact::role)
                    .contains("screenshot-viewport", "screenshot-full", "dom", "mhtml", "pdf", "wacz");
        }
        assertThat(Files.readString(second.folder().resolve(PageSteps.DOM))).contains("cookie: null");
        // the early browser was started with no context: the first capture's is fresh, with nothing before it
        assertThat(first.record().environment().browserContext()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(BrowserContext.FRESH);
            assertThat(c.freshBecause()).isNull();
        });
    }

    /** The chromedriver processes this JVM started that still run (each browser has one). */
    private static List<ProcessHandle> chromedrivers() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").contains("chromedriver")).toList();
    }

    private static List<ProcessHandle> newDrivers(java.util.Set<ProcessHandle> before) {
        return chromedrivers().stream().filter(p -> !before.contains(p)).toList();
    }

    /** The first non-null answer of {@code check} within 20 s (a browser starts or exits in its own time), or null. */
    private static <T> T await(java.util.function.Supplier<T> check) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        for (T v = check.get(); ; v = check.get()) {
            if (v != null || Instant.now().isAfter(until)) {
                return v;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void capturesByOneCapturerShareNoCookiesStorageOrCacheThoughTheBrowserIsKeptRunning() throws Exception {
        Capturer capturer = kase.capturer(CaptureCase.TIMEOUTS);
        CaptureResult marked = capturer.capture(site.http("/remember.html").toString(), Map.of());
        CaptureResult after = capturer.capture(site.http("/recall.html").toString(), Map.of());
        CaptureResult again = capturer.capture(site.http("/remember.html").toString(), Map.of());

        assertThat(marked.outcome()).as(marked.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(after.timings().browserStart()).as("the second capture reuses the running browser")
                .isLessThan(marked.timings().browserStart());
        // the same browser context, cleared in between, and each record says how its browser state was prepared
        assertThat(marked.record().environment().browserContext().state()).isEqualTo(BrowserContext.FRESH);
        assertThat(after.record().environment().browserContext()).satisfies(c -> {
            assertThat(c.state()).isEqualTo(BrowserContext.REUSED_CLEARED);
            assertThat(c.earlierCaptures()).isEqualTo(1);
            assertThat(c.cleared()).contains("Storage.clearCookies", "Storage.clearDataForOrigin " + site.http("/").toString()
                    .replaceAll("/$", ""));
        });
        assertThat(again.record().environment().browserContext().earlierCaptures()).isEqualTo(2);
        String dom = Files.readString(after.folder().resolve(PageSteps.DOM));
        assertThat(dom).contains("cookie: null").contains("storage: null");
        assertThat(CaptureWarc.requestHeaders(after.folder(), site.http("/recall.html").toString()))
                .doesNotContainKey("cookie");
        // no cache either: the page fetched again in a later capture is on the wire again, not served from a cache
        assertThat(CaptureWarc.responses(again.folder())).containsKey(site.http("/remember.html").toString());
        assertThat(again.record().mainDocument().status()).isEqualTo(200);
    }

    @Test
    void slowResourceIsWaitedFor() throws Exception {
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(site.http("/slow.html").toString(), Map.of());
        assertThat(r.outcome()).as(r.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(CaptureWarc.responses(r.folder()).get(site.http("/img/slow.png").toString()))
                .isEqualTo(site.images().get("/img/slow.png"));
    }

    @Test
    void unreachableHostIsAFailedCaptureThatSaysWhyAndKeepsWhatItGot() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/gone.html";
        CaptureResult r = kase.capturer(CaptureCase.TIMEOUTS).capture(url, Map.of());
        assertThat(r.outcome()).isEqualTo(CaptureOutcome.FAILED);
        assertThat(r.record().warnings().get(0)).startsWith("the page itself could not be fetched: " + url);
        assertThat(r.folder().resolve("capture.json")).isRegularFile();
        assertThat(r.record().artifacts()).extracting(Artifact::role).contains("wacz", "screenshot-viewport");
        assertThat(kase.ws.custody().events()).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("captures/" + r.id());
            assertThat(e.details()).containsEntry("outcome", "failed");
        });
    }

    @Test
    void refusedSchemesAreRefusedBeforeAnythingIsWritten() throws Exception {
        long events = kase.ws.custody().events().size();
        List<String> before = folders();
        for (String url : List.of("file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi", "chrome://version")) {
            assertThatThrownBy(() -> kase.capturer(CaptureCase.TIMEOUTS).capture(url, Map.of()))
                    .isInstanceOf(RefusedUrlException.class).hasMessageContaining("expected an http or https URL");
        }
        assertThat(folders()).isEqualTo(before);
        assertThat(kase.ws.custody().events()).hasSize((int) events);
    }

    private static Artifact resource(CaptureResult r, String url) {
        return r.record().artifacts().stream().filter(a -> url.equals(a.url())).findFirst()
                .orElseThrow(() -> new AssertionError("no resource artifact for " + url + " in " + r.record().artifacts()));
    }

    private static List<String> folders() throws Exception {
        if (!Files.isDirectory(kase.ws.capturesDir())) {
            return List.of();
        }
        try (var s = Files.list(kase.ws.capturesDir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
