package org.exhibit.capture.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exhibit.capture.proxy.Exchange;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;
import org.exhibit.capture.testsite.HeadlessChromium;
import org.exhibit.capture.testsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chromium over plain HTTP through the proxy, then resources and WACZ from what it recorded. */
class ChromiumCaptureToWaczTest {
    @TempDir
    Path dir;

    @Test
    void imagesChromiumLoadedAreExtractedByteIdenticalAndPackaged() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        String url;
        try (TestSite site = new TestSite();
             RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc).withLoopbackOnly(true))) {
            url = site.http("/gallery");
            assertThat(HeadlessChromium.dumpDom(proxy, dir, proxy.spkiList(), url)).contains("<p>done</p>");
            assertThat(proxy.awaitIdle(Duration.ofMillis(200), Duration.ofSeconds(10))).isTrue();
            List<Exchange> exchanges = proxy.exchanges();
            assertThat(exchanges).filteredOn(e -> e.uri().startsWith(site.http("/")) && !e.uri().endsWith("/favicon.ico"))
                    .hasSize(5).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE));
            // whatever Chromium asked for on its own account never left the machine
            assertThat(exchanges).filteredOn(e -> !e.uri().startsWith(site.http("/"))).allSatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(Exchange.Outcome.FAILED);
                assertThat(e.reason()).startsWith("refused: ");
                assertThat(e.remoteIp()).isNull();
            });
        }
        Extraction x = new ResourceExtractor(dir.resolve("resources")).extract(warc);
        assertThat(x.resources()).hasSize(4).allSatisfy(r -> assertThat(Files.readAllBytes(r.path())).isEqualTo(TestSite.PNG));
        Wacz wacz = new WaczWriter("Exhibit test", Instant.now()).write(warc,
                List.of(new Page(url, Instant.now(), "Gallery", null)),
                dir.resolve("capture.wacz"));
        assertThat(wacz.indexed()).isGreaterThanOrEqualTo(5);
    }
}
