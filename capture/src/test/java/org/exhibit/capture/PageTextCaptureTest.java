package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.testsite.PageTextSite;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text and images a plain read of the top document misses, captured with a real Chromium: the full-size images
 * of a lightbox gallery, the text of an open shadow root, and a cross-origin frame's DOM and text.
 */
class PageTextCaptureTest {
    @TempDir
    static Path tmp;
    static PageTextSite site;
    static CaptureCase kase;
    static Capturer capturer;

    @BeforeAll
    static void start() throws Exception {
        site = PageTextSite.start();
        kase = new CaptureCase(tmp);
        capturer = kase.capturer(CaptureCase.TIMEOUTS);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void theFullSizeImagesOfALightboxGalleryAreFetchedThroughTheProxyAndKeptByteForByte() throws Exception {
        CaptureResult r = capturer.capture(site.url("/gallery.html").toString(), Map.of());
        List<String> before = site.requested();
        for (String full : PageTextSite.FULL) {
            byte[] sent = site.images().get(full);
            String sha = sha256(sent);
            String url = site.url(full).toString();
            Artifact a = r.record().artifacts().stream().filter(x -> x.sha256().equals(sha)).findFirst()
                    .orElseThrow(() -> new AssertionError(full + " (" + sha + ") is not among the artifacts: "
                            + r.record().artifacts().stream().map(Artifact::path).toList()));
            assertThat(a.role()).isEqualTo("resource");
            assertThat(a.path()).startsWith("resources/" + sha + ".");
            assertThat(a.url()).isEqualTo(url);
            assertThat(Files.readAllBytes(r.folder().resolve(a.path()))).isEqualTo(sent);
            assertThat(r.record().steps()).filteredOn(s -> s.name().equals("fetch") && s.message().startsWith(url + " "))
                    .singleElement().satisfies(s -> {
                        assertThat(s.outcome()).isEqualTo(StepOutcome.OK);
                        assertThat(s.message()).contains("through the recording proxy", "bytes");
                    });
        }
        assertThat(step(r, site.url("/full/1.jpg") + " ")).contains("linked image", "/thumb/1.png");
        assertThat(step(r, site.url("/full/2.png") + " ")).contains("largest srcset candidate (1600w)", "/thumb/2.png");
        assertThat(step(r, site.url("/full/3.png") + " ")).contains("largest srcset candidate (1600w)");
        assertThat(step(r, site.url("/full/4.gif") + " ")).contains("linked image");
        assertThat(step(r, site.url("/full/5,large.png") + " ")).contains("largest srcset candidate (2x)");
        // what the page showed whole is not fetched again, and a link to a page is not fetched at all
        assertThat(r.record().steps()).filteredOn(s -> s.name().equals("fetch")).extracting(Step::message)
                .hasSize(PageTextSite.FULL.size())
                .noneMatch(m -> m.startsWith(site.url("/thumb/").toString()))
                .noneMatch(m -> m.startsWith(site.url(PageTextSite.SHOWN_WHOLE).toString()));
        assertThat(before).filteredOn(p -> p.startsWith("/full/")).hasSize(PageTextSite.FULL.size() + 1);
        assertThat(before).doesNotContain("/about.html");
        assertThat(r.record().warnings()).isEmpty();
    }

    @Test
    void theTextOfAnOpenShadowRootIsInThePageDomAndText() throws Exception {
        CaptureResult r = capturer.capture(site.url("/shadow.html").toString(), Map.of());
        String dom = Files.readString(r.folder().resolve("page.html"));
        assertThat(dom).contains("<template shadowrootmode=\"open\"", PageTextSite.SHADOW_USER);
        assertThat(Files.readString(r.folder().resolve("page-text.txt"))).contains("Profile",
                "posted by " + PageTextSite.SHADOW_USER, "bio: " + PageTextSite.SLOTTED);
        assertThat(r.record().artifacts()).filteredOn(a -> a.path().equals("page-text.txt")).singleElement()
                .satisfies(a -> {
                    assertThat(a.role()).isEqualTo("page-text");
                    assertThat(a.mediaType()).startsWith("text/plain");
                });
    }

    @Test
    void aCrossOriginFrameAndTheFrameInsideItAreKeptWithTheirUrlsAndTheirTextIsInThePageText() throws Exception {
        CaptureResult r = capturer.capture(site.url("/embed-host.html").toString(), Map.of());
        String frameUrl = site.crossOrigin("/embed.html").toString();
        String nestedUrl = site.crossOrigin("/comments.html").toString();
        List<Artifact> frames = r.record().artifacts().stream().filter(a -> a.role().equals("frame-dom")).toList();
        assertThat(frames).extracting(Artifact::path, Artifact::url).containsExactly(
                tuple("frames/01.html", frameUrl), tuple("frames/02.html", nestedUrl));
        assertThat(Files.readString(r.folder().resolve("frames/01.html")))
                .contains("uploaded by " + PageTextSite.FRAME_UPLOADER).doesNotContain(PageTextSite.NESTED_COMMENTER);
        assertThat(Files.readString(r.folder().resolve("frames/02.html")))
                .contains("comment by " + PageTextSite.NESTED_COMMENTER);
        assertThat(Files.readString(r.folder().resolve("page.html"))).doesNotContain(PageTextSite.FRAME_UPLOADER);
        assertThat(Files.readString(r.folder().resolve("page-text.txt"))).contains("A post with an embedded player",
                "--- frame 01: " + frameUrl + " ---\nuploaded by " + PageTextSite.FRAME_UPLOADER,
                "--- frame 02: " + nestedUrl + " ---\ncomment by " + PageTextSite.NESTED_COMMENTER);
        assertThat(r.record().steps()).extracting(Step::name).contains("frames", "frame-dom", "page-text");
        assertThat(r.record().warnings()).isEmpty();
    }

    @Test
    void theImagesThePageMadeItselfAreSavedFromThePageAndTheTaintedCanvasIsSkipped() throws Exception {
        CaptureResult r = capturer.capture(site.url("/decoded.html").toString(), Map.of());
        List<Artifact> all = r.record().artifacts();
        List<Artifact> decoded = all.stream().filter(a -> a.role().equals("decoded-image")).toList();
        assertThat(decoded).extracting(Artifact::url).hasSize(2).satisfies(urls -> {
            assertThat(urls.get(0)).startsWith("blob:" + site.url("/"));
            assertThat(urls.get(1)).isEqualTo("canvas#chart");
        });
        for (Artifact a : decoded) {
            byte[] bytes = Files.readAllBytes(r.folder().resolve(a.path()));
            assertThat(a.sha256()).isEqualTo(sha256(bytes));
            assertThat(a.path()).isEqualTo("decoded/" + a.sha256() + ".png");
            assertThat(a.pdq()).as(a.path()).isNotNull();
            assertThat(a.pdq().hash()).hasSize(64);
            assertThat(all.indexOf(a)).isGreaterThan(all.stream().filter(x -> x.role().equals("resource"))
                    .mapToInt(all::indexOf).max().orElse(-1));
        }
        // the blob's bytes, exactly as the page made them (the page also put them in a data: URL in the DOM)
        byte[] made = Files.readAllBytes(r.folder().resolve(decoded.get(0).path()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-bytes=\"data:image/png;base64,([^\"]+)\"")
                .matcher(Files.readString(r.folder().resolve("page.html")));
        assertThat(m.find()).as("the page's own copy of the blob in page.html").isTrue();
        assertThat(made).isEqualTo(java.util.Base64.getDecoder().decode(m.group(1)));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(made));
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(90);
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).isEqualTo(PageTextSite.LEFT);
        assertThat(image.getRGB(155, 85) & 0xFFFFFF).isEqualTo(PageTextSite.RIGHT);
        java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(r.folder().resolve(decoded.get(1).path()).toFile());
        assertThat(chart.getWidth()).isEqualTo(120);
        assertThat(chart.getHeight()).isEqualTo(80);
        assertThat(chart.getRGB(5, 5) & 0xFFFFFF).isEqualTo(PageTextSite.CHART);
        assertThat(chart.getRGB(115, 75) & 0xFFFFFF).isEqualTo(0xFFFF00);
        assertThat(r.record().steps()).filteredOn(s -> s.name().equals("decoded-images")).singleElement()
                .satisfies(s -> {
                    assertThat(s.outcome()).isEqualTo(StepOutcome.OK);
                    assertThat(s.message()).startsWith("saved 2 (1 blob image, 1 canvas); skipped ")
                            .contains("1 tainted canvas (cross-origin content", "1 canvas smaller than 16 x 16 px");
                });
        assertThat(r.record().steps()).extracting(Step::name).containsSubsequence("pdf", "decoded-images", "page-info");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String step(CaptureResult r, String prefix) {
        return r.record().steps().stream().filter(s -> s.name().equals("fetch") && s.message().startsWith(prefix))
                .map(Step::message).findFirst().orElseThrow(() -> new AssertionError("no fetch step for " + prefix));
    }
}
