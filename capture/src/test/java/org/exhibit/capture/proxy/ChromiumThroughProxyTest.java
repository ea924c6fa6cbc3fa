package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhibit.capture.testsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real browser accepts the interception through the SPKI list alone and its traffic is recorded. */
class ChromiumThroughProxyTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    @TempDir
    Path dir;

    @Test
    void chromiumAcceptsTheInterceptionAndLoadsAnHttpsPageWithItsImageThroughTheProxy() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium must be installed at " + CHROMIUM + " (apt-get install chromium)").isTrue();
        try (TestSite site = new TestSite();
             RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(dir.resolve("data.warc.gz")))) {
            Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + dir.resolve("profile"),
                    "--proxy-server=http://127.0.0.1:" + proxy.address().getPort(),
                    "--proxy-bypass-list=<-loopback>",
                    "--ignore-certificate-errors-spki-list=" + proxy.spkiList(),
                    "--virtual-time-budget=5000",
                    "--dump-dom", site.https("/page"))
                    .redirectError(dir.resolve("chromium.err").toFile())
                    .start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium ended").isTrue();
            assertThat(dom).as("DOM dumped; stderr: %s", Files.readString(dir.resolve("chromium.err"))).contains("<p>Hello</p>");
            assertThat(proxy.awaitIdle(Duration.ofMillis(100), Duration.ofSeconds(5))).isTrue();
            List<Exchange> exchanges = proxy.exchanges();
            assertThat(exchanges).filteredOn(e -> e.uri().equals(site.https("/page"))).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE));
            assertThat(exchanges).filteredOn(e -> e.uri().equals(site.https("/image.png"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(200);
                        assertThat(e.bodySize()).isEqualTo(TestSite.PNG.length);
                    });
        }
    }
}
