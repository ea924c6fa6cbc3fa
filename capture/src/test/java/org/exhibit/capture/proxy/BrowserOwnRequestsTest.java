package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.exhibit.capture.testsite.ProxiedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserOwnRequestsTest {
    @TempDir
    Path dir;

    @Test
    void theBrowsersOwnRequestsAreRefusedWithoutContactingAnyone() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(dir.resolve("data.warc.gz")))) {
            HttpClient client = ProxiedClient.through(proxy);
            for (String url : new String[] {"http://update.googleapis.com/service/update2/json",
                    "http://accounts.google.com/ListAccounts?gpsia=1&source=ChromiumBrowser"}) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(url).isEqualTo(403);
            }
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(5))).isTrue();
            assertThat(proxy.exchanges()).hasSize(2).allSatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(Exchange.Outcome.FAILED);
                assertThat(e.reason()).contains("the browser's own request").contains("never sent");
                assertThat(e.remoteIp()).as("no address was looked up or connected to").isNull();
            });
            assertThat(proxy.origins()).isEmpty();
        }
    }

    @Test
    void pagesOnTheSameHostsAreNotMistakenForTheBrowsersOwn() {
        assertThat(BrowserOwnRequests.matches("https://accounts.google.com/ListAccounts?json=standard")).isTrue();
        assertThat(BrowserOwnRequests.matches("https://accounts.google.com/gsi/client")).isFalse();
        assertThat(BrowserOwnRequests.matches("https://www.google.com/")).isFalse();
        assertThat(BrowserOwnRequests.matches("https://clients2.google.com/service/update2/crx")).isTrue();
        assertThat(BrowserOwnRequests.matches("https://start.duckduckgo.com/")).isTrue();
        assertThat(BrowserOwnRequests.matches("https://duckduckgo.com/?q=evidence")).isFalse();
    }
}
