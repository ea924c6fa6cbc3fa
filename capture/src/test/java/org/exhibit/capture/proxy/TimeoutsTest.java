package org.exhibit.capture.proxy;

import org.exhibit.capture.testsite.ProxiedClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.exhibit.capture.testsite.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

class TimeoutsTest {
    @TempDir
    Path dir;
    TestSite site;

    @BeforeEach
    void startSite() throws Exception {
        site = new TestSite();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void slowResourceOfThreeSecondsIsWaitedForAndRecordedWhole() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc).withReadTimeout(Duration.ofSeconds(10)))) {
            HttpClient client = ProxiedClient.through(proxy);
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(site.https("/slow"))).build(), HttpResponse.BodyHandlers.ofString());
            awaitFirstExchange(proxy);
            assertThat(proxy.awaitIdle(Duration.ofMillis(200), Duration.ofMillis(1500))).as("busy while the slow resource loads").isFalse();
            assertThat(proxy.awaitIdle(Duration.ofMillis(200), Duration.ofSeconds(10))).isTrue();
            assertThat(slow.get().body()).isEqualTo("slow but here");
            Exchange e = proxy.exchanges().get(0);
            assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE);
            assertThat(Duration.between(e.started(), e.ended())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        }
        assertThat(RecordingProxyTest.readAll(warc)).filteredOn(r -> r instanceof WarcResponse).singleElement()
                .satisfies(r -> assertThat(r.truncated()).isEqualTo(WarcTruncationReason.NOT_TRUNCATED));
    }

    @Test
    void neverCompletingRequestKeepsTheNetworkBusyAndIsRecordedIncompleteAtClose() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc).withReadTimeout(Duration.ofSeconds(30)));
        HttpClient client = ProxiedClient.through(proxy);
        CompletableFuture<HttpResponse<String>> never = client.sendAsync(
                HttpRequest.newBuilder(URI.create(site.http("/never"))).build(), HttpResponse.BodyHandlers.ofString());
        awaitFirstExchange(proxy);
        assertThat(proxy.awaitIdle(Duration.ofMillis(300), Duration.ofSeconds(2))).isFalse();
        assertThat(proxy.exchanges()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Exchange.Outcome.IN_FLIGHT);
            assertThat(e.status()).isEqualTo(200);
        });
        long start = System.nanoTime();
        proxy.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Exchange e = proxy.exchanges().get(0);
        assertThat(e.outcome()).isEqualTo(Exchange.Outcome.INCOMPLETE);
        assertThat(e.reason()).contains("capture ended");
        assertThat(e.bodySize()).isEqualTo("partial ".length());
        List<WarcRecord> records = RecordingProxyTest.readAll(warc);
        assertThat(records).filteredOn(r -> r instanceof WarcRequest).hasSize(1);
        assertThat(records).filteredOn(r -> r instanceof WarcResponse).singleElement()
                .satisfies(r -> assertThat(r.truncated()).isEqualTo(WarcTruncationReason.DISCONNECT));
        assertThat(records).filteredOn(r -> r instanceof WarcMetadata)
                .anySatisfy(r -> assertThat(((WarcMetadata) r).fields().first("exchange-outcome")).contains("incomplete"));
        assertThat(never).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void bodyThatStopsComingIsCutAfterTheStallTimeoutAndRecordedTruncatedWithWhatCame() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        ProxyConfig config = ProxyConfig.of(warc).withReadTimeout(Duration.ofSeconds(30)).withStallTimeout(Duration.ofSeconds(1));
        try (RecordingProxy proxy = RecordingProxy.start(config)) {
            CompletableFuture<HttpResponse<String>> never = ProxiedClient.through(proxy).sendAsync(
                    HttpRequest.newBuilder(URI.create(site.http("/never"))).build(), HttpResponse.BodyHandlers.ofString());
            awaitFirstExchange(proxy);
            assertThat(proxy.awaitIdle(Duration.ofMillis(100), Duration.ofSeconds(5))).as("ended by the stall timeout").isTrue();
            Exchange e = proxy.exchanges().get(0);
            assertThat(e.outcome()).isEqualTo(Exchange.Outcome.INCOMPLETE);
            assertThat(e.reason()).startsWith("stall timeout: the answer stopped coming, nothing from the origin for 1 s");
            assertThat(e.bodySize()).isEqualTo("partial ".length());
            assertThat(Duration.between(e.started(), e.ended())).isLessThan(Duration.ofSeconds(4));
            assertThat(never).failsWithin(Duration.ofSeconds(5));
        }
        assertThat(RecordingProxyTest.readAll(warc)).filteredOn(r -> r instanceof WarcResponse).singleElement()
                .satisfies(r -> assertThat(r.truncated()).isEqualTo(WarcTruncationReason.TIME));
    }

    @Test
    void aRequestThatGetsNothingForTheStallPeriodNoLongerKeepsTheNetworkBusyAndIsNamed() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc).withReadTimeout(Duration.ofSeconds(30))
                .withStallTimeout(Duration.ofSeconds(30)))) {
            ProxiedClient.through(proxy).sendAsync(HttpRequest.newBuilder(URI.create(site.http("/never"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitFirstExchange(proxy);
            List<String> stalled = new java.util.ArrayList<>();
            long start = System.nanoTime();
            assertThat(proxy.awaitIdle(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(1), stalled)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(stalled).containsExactly("GET " + site.http("/never"));
            assertThat(proxy.exchanges()).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(Exchange.Outcome.IN_FLIGHT));
            assertThat(proxy.awaitIdle(Duration.ofMillis(200), Duration.ofSeconds(1))).as("still open for the strict wait").isFalse();
        }
    }

    @Test
    void originThatNeverAnswersEndsWithinTheExchangeTimeout() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        ProxyConfig config = ProxyConfig.of(warc).withExchangeTimeout(Duration.ofSeconds(2));
        try (RecordingProxy proxy = RecordingProxy.start(config)) {
            HttpResponse<String> r = ProxiedClient.through(proxy).send(
                    HttpRequest.newBuilder(URI.create(site.http("/hang"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(2))).isTrue();
            Exchange e = proxy.exchanges().get(0);
            assertThat(e.outcome()).isEqualTo(Exchange.Outcome.INCOMPLETE);
            assertThat(e.reason()).isEqualTo("exchange timeout: not complete after 2 s");
            assertThat(Duration.between(e.started(), e.ended())).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(4));
            assertThat(proxy.awaitIdle(Duration.ofMillis(100), Duration.ofSeconds(1))).isTrue();
        }
        assertThat(RecordingProxyTest.readAll(warc)).filteredOn(r -> r instanceof WarcRequest).hasSize(1);
    }

    @Test
    void unreachableOriginIsAnsweredWith502AndTheExchangeIsMarkedFailed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(2))).isTrue();
            assertThat(r.body()).contains("cannot connect to http://127.0.0.1:" + closedPort);
            Exchange e = proxy.exchanges().get(0);
            assertThat(e.outcome()).isEqualTo(Exchange.Outcome.FAILED);
            assertThat(e.remoteIp()).isEqualTo("127.0.0.1");
            assertThat(e.status()).isZero();
        }
        List<WarcRecord> records = RecordingProxyTest.readAll(warc);
        assertThat(records).filteredOn(r -> r instanceof WarcRequest).hasSize(1);
        assertThat(records).filteredOn(r -> r instanceof WarcResponse).isEmpty();
        assertThat(records).filteredOn(r -> r instanceof WarcMetadata)
                .anySatisfy(r -> assertThat(((WarcMetadata) r).fields().first("exchange-outcome")).contains("failed"));
    }

    @Test
    void keptAliveConnectionsAreReusedOnBothSides() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            for (int i = 0; i < 4; i++) {
                client.send(HttpRequest.newBuilder(URI.create(site.https("/echo"))).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(2))).isTrue();
            assertThat(proxy.exchanges()).hasSize(4).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE));
        }
        assertThat(site.remotePorts).as("one connection from the proxy to the site").hasSize(1);
    }

    static void awaitFirstExchange(RecordingProxy proxy) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (proxy.exchanges().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(proxy.exchanges()).as("an exchange reached the proxy").isNotEmpty();
    }
}
