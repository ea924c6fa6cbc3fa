package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.profile.ProfileBrowser;
import org.exhibit.capture.testsite.MembersSite;
import org.exhibit.capture.testsite.VirtualDisplay;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.exhibit.integrity.bundle.BundleSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A logged-in profile made as an investigator makes one: a visible Chromium on Xvfb, the site's real login form
 * filled in and submitted, the members page viewed (its images now in the browser's cache), the window closed; then
 * {@code capture --profile} of the members page.
 */
class ProfileCaptureTest {
    @TempDir
    Path tmp;

    @Test
    void aProfileLoggedInThroughTheRealFormCapturesTheMembersPageWithItsCachedImagesAndNoSessionSecret() throws Exception {
        Path profile = tmp.resolve("profile");
        try (MembersSite site = MembersSite.start(); VirtualDisplay x = VirtualDisplay.start()) {
            logIn(site, x, profile);
            int cachedHits = site.hits(MembersSite.IMAGES.get(0));
            assertThat(cachedHits).as("the profile viewed the members page's images once").isEqualTo(1);

            try (CaptureCase kase = new CaptureCase(tmp.resolve("work"))) {
                Capturer capturer = new Capturer(kase.ws, kase.dana.publicInfo(), CaptureOptions.defaults()
                        .withTimeouts(CaptureCase.TIMEOUTS).withProfile(profile).withTimestamper(kase.timestamper()));
                CaptureResult r;
                try {
                    r = capturer.capture(site.http("/members.html").toString(), Map.of());
                } finally {
                    capturer.close();
                }
                CaptureRecord rec = r.record();
                rec.steps().forEach(s -> System.out.println(s.name() + " " + s.outcome() + " " + s.message()));
                assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
                assertThat(rec.warnings()).noneMatch(w -> w.contains("login wall"));
                assertThat(rec.steps()).filteredOn(s -> s.name().equals("cache-disabled")).singleElement()
                        .satisfies(s -> assertThat(s.outcome()).isEqualTo(StepOutcome.OK))
                        .extracting(Step::message).asString().contains("HTTP cache is emptied and disabled and its service workers are bypassed");
                String dom = Files.readString(r.folder().resolve(PageSteps.DOM));
                assertThat(dom).contains("Members area").contains(MembersSite.POSTER);

                // the images the profile had cached came through the proxy again: in the WARC, resources/ and the hashes
                Map<String, byte[]> warc = CaptureWarc.responses(r.folder());
                for (String img : MembersSite.IMAGES) {
                    assertThat(site.hits(img)).as(img + " fetched again by the capture").isEqualTo(2);
                    assertThat(warc.get(site.http(img).toString())).as(img + " in the WARC").isEqualTo(site.image(img));
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(site.image(img)));
                    assertThat(rec.artifacts()).filteredOn(a -> site.http(img).toString().equals(a.url())).singleElement()
                            .satisfies(a -> assertThat(a.sha256()).isEqualTo(sha))
                            .extracting(Artifact::path).satisfies(p -> assertThat(Files.readAllBytes(r.folder().resolve(p)))
                                    .isEqualTo(site.image(img)));
                }

                // no session secret anywhere in the case, archives opened; the WARC holds its documented hash
                String token = site.token();
                String cookieHeader = MembersSite.COOKIE_NAME + "=" + token;
                List<String> where = new ArrayList<>();
                List<String> hashedIn = new ArrayList<>();
                String hashed = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(cookieHeader.getBytes(StandardCharsets.ISO_8859_1)));
                Path bundle = new BundleSealer(kase.dana, kase.timestamper(), "0.1.0-test")
                        .seal(kase.ws, Files.createDirectories(tmp.resolve("sealed"))).file();
                scan(bundle.toString(), Files.readAllBytes(bundle), List.of(token, MembersSite.PASSWORD,
                        URLEncoder.encode(token, StandardCharsets.UTF_8)), hashed, where, hashedIn);
                try (Stream<Path> files = Files.walk(kase.ws.root())) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        scan(f.toString(), Files.readAllBytes(f), List.of(token, MembersSite.PASSWORD,
                                URLEncoder.encode(token, StandardCharsets.UTF_8)), hashed, where, hashedIn);
                    }
                }
                assertThat(where).as("files holding the session cookie's value").isEmpty();
                assertThat(hashedIn).as("files holding sha256 of the Cookie value")
                        .anyMatch(f -> f.startsWith(bundle.toString()) && f.endsWith("data.warc.gz"))
                        .anyMatch(f -> f.startsWith(kase.ws.root().toString()) && f.endsWith("data.warc.gz"));

                Path warcFile = tmp.resolve("data.warc.gz");
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(r.folder().resolve(CaptureArtifacts.WACZ).toFile());
                     InputStream in = z.getInputStream(z.getEntry("archive/data.warc.gz"))) {
                    Files.copy(in, warcFile);
                }
                JwarcValidate v = JwarcValidate.run(List.of(warcFile));
                assertThat(v.exitCode()).as(v.output()).isZero();
            }
        }
    }

    /** Logs in through the form in a visible browser on the profile, views the members page, closes the window. */
    private static void logIn(MembersSite site, VirtualDisplay x, Path profile) throws Exception {
        ProfileBrowser.Launch launch = new ProfileBrowser.Launch(BrowserOptions.defaults(), profile,
                site.http("/login-form.html"), true);
        try (ProfileBrowser browser = ProfileBrowser.open(launch, Map.of("DISPLAY", x.display()))) {
            String address = browser.devToolsAddress(Duration.ofSeconds(30));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(BrowserOptions.defaults().chromedriver().toFile()).usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream()).build();
            ChromeOptions attach = new ChromeOptions();
            attach.setExperimentalOption("debuggerAddress", address);
            ChromeDriver driver = new ChromeDriver(service, attach);
            try {
                waitFor(() -> driver.getCurrentUrl().endsWith("/login-form.html")
                        && !driver.findElements(By.id("username")).isEmpty());
                driver.findElement(By.id("username")).sendKeys(MembersSite.USER);
                driver.findElement(By.id("password")).sendKeys(MembersSite.PASSWORD);
                driver.findElement(By.id("submit")).click();
                waitFor(() -> driver.getCurrentUrl().endsWith("/members.html") && Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return document.readyState === 'complete' && [...document.images]"
                                + ".every(i => i.complete && i.naturalWidth > 0)")));
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Members area");
                driver.close(); // the investigator closes the window: the browser ends
            } finally {
                service.stop();
            }
            assertThat(browser.awaitClosed(Duration.ofSeconds(30))).as("the browser ended when its window closed").isTrue();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the page did not get there within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** Looks for each needle in {@code bytes}, inside ZIP entries and gzip members too. */
    private static void scan(String name, byte[] bytes, List<String> needles, String hashed, List<String> where,
                             List<String> hashedIn) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String n : needles) {
            if (text.contains(n)) {
                where.add(name + " (" + n + ")");
            }
        }
        if (text.contains(hashed)) {
            hashedIn.add(name);
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    scan(name + "!" + e.getName(), zip.readAllBytes(), needles, hashed, where, hashedIn);
                }
            }
        } else if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                in.transferTo(out);
            }
            String inner = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name + "!gunzip";
            scan(inner.endsWith(".warc") ? name : inner, out.toByteArray(), needles, hashed, where, hashedIn);
        }
    }
}
