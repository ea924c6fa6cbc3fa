package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exhibit.capture.testsite.HeadlessChromium;
import org.exhibit.capture.testsite.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real browser accepts the interception through the SPKI list alone and its traffic is recorded. */
class ChromiumThroughProxyTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "SPKI hash #{0} alone")
    @ValueSource(ints = {0, 1})
    void chromiumAcceptsTheInterceptionWithEitherTheLeafOrTheCaHash(int which) throws Exception {
        try (TestSite site = new TestSite();
             RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(dir.resolve("data.warc.gz")).withLoopbackOnly(true))) {
            String spki = proxy.spkiList().split(",")[which];
            assertThat(HeadlessChromium.dumpDom(proxy, dir, spki, site.https("/page"))).contains("<p>Hello</p>");
            assertThat(proxy.awaitIdle(Duration.ofMillis(100), Duration.ofSeconds(5))).isTrue();
            List<Exchange> exchanges = proxy.exchanges();
            assertThat(exchanges).filteredOn(e -> e.uri().equals(site.https("/page"))).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE));
            assertThat(exchanges).filteredOn(e -> e.uri().equals(site.https("/image.png"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(200);
                        assertThat(e.bodySize()).isEqualTo(TestSite.PNG.length);
                    });
            assertThat(proxy.origins().get("https://127.0.0.1:" + site.httpsPort()).chain()).hasSize(1);
        }
    }

    @Test
    void chromiumRefusesAnInterceptionItWasNotToldToTrust() throws Exception {
        try (TestSite site = new TestSite();
             RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(dir.resolve("data.warc.gz")).withLoopbackOnly(true))) {
            String other = InterceptionCa.create().spkiSha256Base64();
            String dom = HeadlessChromium.dumpDom(proxy, dir, other, site.https("/page"));
            assertThat(dom).doesNotContain("<p>Hello</p>");
            assertThat(proxy.exchanges()).noneMatch(e -> e.uri().equals(site.https("/page")));
            assertThat(proxy.notes()).as("the refused handshake is noted").anySatisfy(n -> assertThat(n).contains("certificate_unknown"));
        }
    }
}
