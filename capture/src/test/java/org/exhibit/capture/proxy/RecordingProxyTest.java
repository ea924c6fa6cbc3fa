package org.exhibit.capture.proxy;

import org.exhibit.capture.testsite.ProxiedClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.capture.testsite.TestSite;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

class RecordingProxyTest {
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

    private static HttpResponse<byte[]> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void httpExchangesAreForwardedUnchangedAndRecordedAsRequestAndResponse() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            HttpResponse<byte[]> gz = get(client, site.http("/gzip"));
            assertThat(gz.statusCode()).isEqualTo(200);
            assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gz.body()).isEqualTo(site.sent.get("/gzip"));
            assertThat(get(client, site.http("/chunked")).body()).isEqualTo(TestSite.PNG);
            assertThat(get(client, site.http("/missing")).statusCode()).isEqualTo(404);
            assertThat(get(client, site.http("/broken")).statusCode()).isEqualTo(500);
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(2))).isTrue();
            assertThat(proxy.exchanges()).extracting(Exchange::status).containsExactly(200, 200, 404, 500);
            assertThat(proxy.exchanges()).allSatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE);
                assertThat(e.remoteIp()).isEqualTo("127.0.0.1");
            });
        }
        List<WarcRecord> records = readAll(warc);
        List<WarcResponse> responses = records.stream().filter(r -> r instanceof WarcResponse).map(r -> (WarcResponse) r).toList();
        assertThat(responses).extracting(WarcResponse::target)
                .containsExactly(site.http("/gzip"), site.http("/chunked"), site.http("/missing"), site.http("/broken"));
        assertThat(records.stream().filter(r -> r instanceof WarcRequest).count()).isEqualTo(4);
    }

    @Test
    void everyRecordedDigestMatchesWhatJwarcRecomputes() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            for (String p : List.of("/page", "/gzip", "/chunked", "/image.png.gz", "/missing")) {
                get(client, site.http(p));
                get(client, site.https(p));
            }
        }
        int blocks = 0;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                assertThat(r.version().toString()).isEqualTo("WARC/1.1");
                assertThat(r.blockDigest()).as("block digest of %s", r.id()).isPresent();
                assertThat(r.blockDigest().get().hex()).isEqualTo(sha256(r.body().stream()));
                blocks++;
            }
        }
        assertThat(blocks).isGreaterThan(20);
        int checked = 0;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse resp) {
                    assertThat(resp.ipAddress().map(a -> a.getHostAddress())).contains("127.0.0.1");
                    assertThat(resp.concurrentTo()).hasSize(1);
                    String payload = sha256(resp.payload().orElseThrow().body().stream());
                    assertThat(resp.payloadDigest().orElseThrow().hex()).as(resp.target()).isEqualTo(payload);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void chunkedResponseIsKeptChunkedInTheWarcAndItsPayloadIsTheDechunkedBody() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            get(ProxiedClient.through(proxy), site.http("/chunked"));
        }
        WarcResponse resp = readAll(warc).stream().filter(r -> r instanceof WarcResponse).map(r -> (WarcResponse) r).findFirst().orElseThrow();
        assertThat(resp.http().headers().first("Transfer-Encoding")).contains("chunked");
        assertThat(resp.payload().orElseThrow().body().stream().readAllBytes()).isEqualTo(TestSite.PNG);
    }

    @Test
    void requestBodyIsForwardedAndRecordedWithItsPayloadDigest() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        byte[] form = "name=alice&message=".concat("x".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpResponse<String> r = ProxiedClient.through(proxy).send(HttpRequest.newBuilder(URI.create(site.https("/echo")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("POST");
        }
        WarcRequest req = null;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcRequest q) {
                    req = q;
                    assertThat(q.http().method()).isEqualTo("POST");
                    assertThat(q.http().headers().first("Proxy-Connection")).isEmpty();
                    byte[] body = q.payload().orElseThrow().body().stream().readAllBytes();
                    assertThat(body).isEqualTo(form);
                    assertThat(q.payloadDigest().orElseThrow().hex()).isEqualTo(Sha256.ofBytes(form).hex());
                    break;
                }
            }
        }
        assertThat(req).as("a request record").isNotNull();
    }

    @Test
    void bodyOverTheRecordingLimitReachesTheBrowserWholeAndIsTruncatedInTheWarc() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc).withMaxRecordedBody(100))) {
            HttpResponse<byte[]> r = get(ProxiedClient.through(proxy), site.http("/image.png"));
            assertThat(r.body()).isEqualTo(TestSite.PNG);
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(2))).isTrue();
            assertThat(proxy.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(Exchange.Outcome.COMPLETE);
                assertThat(e.reason()).contains("maxRecordedBody");
                assertThat(e.bodySize()).isEqualTo(TestSite.PNG.length);
            });
        }
        WarcResponse resp = readAll(warc).stream().filter(r -> r instanceof WarcResponse).map(r -> (WarcResponse) r)
                .findFirst().orElseThrow();
        assertThat(resp.truncated()).isEqualTo(org.netpreserve.jwarc.WarcTruncationReason.LENGTH);
        assertThat(resp.payloadDigest()).isEmpty();
    }

    @Test
    void bodyLargerThanTheMemorySpoolIsRecordedWholeThroughAFile() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            assertThat(get(ProxiedClient.through(proxy), site.https("/big")).body()).isEqualTo(TestSite.BIG);
        }
        try (WarcReader reader = new WarcReader(warc)) {
            WarcResponse resp = reader.records().filter(r -> r instanceof WarcResponse).map(r -> (WarcResponse) r)
                    .findFirst().orElseThrow();
            assertThat(resp.payload().orElseThrow().body().stream().readAllBytes()).isEqualTo(TestSite.BIG);
        }
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("spool removed").containsExactly("data.warc.gz");
        }
    }

    @Test
    void proxyRefusesAnAddressNotOfThisMachineAndAnExistingWarc() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordingProxy.start(
                        new ProxyConfig("8.8.8.8", warc, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                                Duration.ofSeconds(1), 10, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a loopback bind address or one of this machine's (the proxy intercepts TLS), got 8.8.8.8");
        java.nio.file.Files.writeString(warc, "earlier capture");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordingProxy.start(ProxyConfig.of(warc)))
                .hasMessageStartingWith("expected a new WARC file, got an existing one: ");
        assertThat(java.nio.file.Files.readString(warc)).isEqualTo("earlier capture");
    }

    static List<WarcRecord> readAll(Path warc) throws Exception {
        List<WarcRecord> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse resp) {
                    resp.http(); // parse while the body is still there
                }
                if (r instanceof WarcMetadata m) {
                    m.fields();
                }
                r.body().consume();
                out.add(r);
            }
        }
        return out;
    }

    static String sha256(InputStream in) throws Exception {
        return Sha256.of(in).hex();
    }
}
