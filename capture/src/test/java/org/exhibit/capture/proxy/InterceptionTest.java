package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exhibit.capture.testsite.ProxiedClient;
import org.exhibit.capture.testsite.TestSite;
import org.exhibit.format.record.CertificateSummary;
import org.exhibit.format.record.OriginInfo;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

class InterceptionTest {
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
    void httpsOriginIsRecordedWithTheChainThatServerPresentedAndItsIp() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        String fingerprint = Sha256.ofBytes(site.certificate().getEncoded()).hex();
        String origin = "https://127.0.0.1:" + site.httpsPort();
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(site.https("/page"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo(TestSite.PAGE);
            // what the client saw is the interception leaf, issued by the per-run CA
            assertThat(r.sslSession().orElseThrow().getPeerCertificates()[0])
                    .satisfies(c -> assertThat(((java.security.cert.X509Certificate) c).getIssuerX500Principal())
                            .isEqualTo(proxy.ca().certificate().getSubjectX500Principal()));
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(2))).isTrue();
            OriginInfo info = proxy.origins().get(origin);
            assertThat(info.ip()).isEqualTo("127.0.0.1");
            assertThat(info.tlsProtocol()).startsWith("TLSv1.");
            assertThat(info.cipherSuite()).startsWith("TLS_");
            assertThat(info.chain()).extracting(CertificateSummary::sha256).containsExactly(fingerprint);
            assertThat(info.chain().get(0).subject()).isEqualTo("CN=test-site.invalid");
            assertThat(info.warnings()).anySatisfy(w -> assertThat(w).startsWith("self-signed certificate"));
            assertThat(proxy.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.uri()).isEqualTo(site.https("/page"));
                assertThat(e.remoteIp()).isEqualTo("127.0.0.1");
                assertThat(e.status()).isEqualTo(200);
            });
        }
        List<WarcRecord> records = RecordingProxyTest.readAll(warc);
        WarcMetadata meta = records.stream().filter(r -> r instanceof WarcMetadata).map(r -> (WarcMetadata) r)
                .filter(m -> m.target().equals(origin)).findFirst().orElseThrow();
        assertThat(meta.ipAddress().orElseThrow().getHostAddress()).isEqualTo("127.0.0.1");
        var fields = meta.fields();
        assertThat(fields.first("ip-address")).contains("127.0.0.1");
        assertThat(fields.all("certificate-sha256")).containsExactly(fingerprint);
        byte[] der = java.util.Base64.getDecoder().decode(fields.first("certificate").orElseThrow());
        assertThat(der).isEqualTo(site.certificate().getEncoded());
        assertThat(fields.first("tls-validation")).contains("warning");
        assertThat(fields.all("tls-warning")).anySatisfy(w -> assertThat(w).contains("self-signed"));
        WarcResponse resp = records.stream().filter(r -> r instanceof WarcResponse).map(r -> (WarcResponse) r)
                .findFirst().orElseThrow();
        assertThat(resp.target()).isEqualTo(site.https("/page"));
        assertThat(resp.ipAddress().orElseThrow().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void wrongNameIsAWarningAndTheCaptureStillProceeds() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            // "localhost" resolves to loopback but the site's certificate names only 127.0.0.1
            String url = "https://localhost:" + site.httpsPort() + "/page";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            OriginInfo info = proxy.origins().get("https://localhost:" + site.httpsPort());
            assertThat(info.warnings()).anySatisfy(w -> assertThat(w).startsWith("certificate does not name localhost"));
        }
    }
}
