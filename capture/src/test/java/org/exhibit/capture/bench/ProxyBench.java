package org.exhibit.capture.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;
import org.exhibit.capture.testsite.ProxiedClient;
import org.exhibit.capture.testsite.TestSite;
import org.exhibit.capture.warc.Page;
import org.exhibit.capture.warc.ResourceExtractor;
import org.exhibit.capture.warc.WaczWriter;

/**
 * Benchmark, not a test: the recording proxy's cost against fetching directly from the same JDK server in the
 * same run (ratios, so a loaded machine shifts both sides), and WACZ packaging / resource extraction against
 * jwarc merely reading every record and its HTTP head. Usage: {@code bench/proxy.sh [REQUESTS]}.
 */
public final class ProxyBench {
    private ProxyBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("proxy-bench");
        try (TestSite site = new TestSite()) {
            HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY).build();
            List<String> paths = List.of("/page", "/image.png", "/gzip", "/chunked");
            fetch(direct, site, paths, n); // warm-up
            long directNanos = fetch(direct, site, paths, n);
            HttpClient directTls = trusting(site);
            fetchTls(directTls, site, paths, n / 4); // warm-up
            long directTlsNanos = fetchTls(directTls, site, paths, n);
            long proxiedNanos;
            long proxiedTlsNanos;
            Path warc = dir.resolve("data.warc.gz");
            try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc).withLoopbackOnly(true))) {
                HttpClient client = ProxiedClient.through(proxy);
                fetch(client, site, paths, n / 4); // warm-up
                proxiedNanos = fetch(client, site, paths, n);
                proxiedTlsNanos = fetchTls(client, site, paths, n);
                proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(10));
            }
            long copyStart = System.nanoTime();
            int records = readEveryRecord(warc);
            long copyNanos = System.nanoTime() - copyStart;
            long waczStart = System.nanoTime();
            new WaczWriter("bench", Instant.now()).write(warc,
                    List.of(new Page(site.http("/page"), Instant.now(), null, null)),
                    dir.resolve("capture.wacz"));
            long waczNanos = System.nanoTime() - waczStart;
            long resStart = System.nanoTime();
            new ResourceExtractor(dir.resolve("resources")).extract(warc);
            long resNanos = System.nanoTime() - resStart;
            System.out.printf(Locale.ROOT, "requests per run: %d (4 paths), WARC %d bytes%n", n * paths.size(), Files.size(warc));
            System.out.printf(Locale.ROOT, "direct HTTP          %8.1f ms  (baseline 1.00)%n", directNanos / 1e6);
            System.out.printf(Locale.ROOT, "proxied HTTP         %8.1f ms  ratio %.2f%n", proxiedNanos / 1e6, (double) proxiedNanos / directNanos);
            System.out.printf(Locale.ROOT, "direct HTTPS         %8.1f ms  (baseline 1.00)%n", directTlsNanos / 1e6);
            System.out.printf(Locale.ROOT, "proxied HTTPS (MITM) %8.1f ms  ratio %.2f%n", proxiedTlsNanos / 1e6, (double) proxiedTlsNanos / directTlsNanos);
            System.out.printf(Locale.ROOT, "jwarc read, %d recs %8.1f ms  (baseline 1.00)%n", records, copyNanos / 1e6);
            System.out.printf(Locale.ROOT, "WACZ packaging       %8.1f ms  ratio %.1f%n", waczNanos / 1e6, (double) waczNanos / copyNanos);
            System.out.printf(Locale.ROOT, "resource extraction  %8.1f ms  ratio %.1f%n", resNanos / 1e6, (double) resNanos / copyNanos);
        }
    }

    private static int readEveryRecord(Path warc) throws java.io.IOException {
        int n = 0;
        try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(warc)) {
            for (org.netpreserve.jwarc.WarcRecord r : reader) {
                if (r instanceof org.netpreserve.jwarc.WarcResponse resp) {
                    resp.http();
                }
                n++;
            }
        }
        return n;
    }

    private static HttpClient trusting(TestSite site) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("site", site.certificate());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY).sslContext(tls).build();
    }

    private static long fetch(HttpClient client, TestSite site, List<String> paths, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            for (String p : paths) {
                client.send(HttpRequest.newBuilder(URI.create(site.http(p))).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        return System.nanoTime() - start;
    }

    private static long fetchTls(HttpClient client, TestSite site, List<String> paths, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            for (String p : paths) {
                client.send(HttpRequest.newBuilder(URI.create(site.https(p))).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        return System.nanoTime() - start;
    }

}
