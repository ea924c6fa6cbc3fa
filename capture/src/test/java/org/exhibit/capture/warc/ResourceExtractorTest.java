package org.exhibit.capture.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;
import org.exhibit.capture.testsite.ProxiedClient;
import org.exhibit.capture.testsite.TestSite;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceExtractorTest {
    @TempDir
    Path dir;

    @Test
    void everyImageIsWrittenByHashDecodedFromItsTransferAndContentCodings() throws Exception {
        Path warc = dir.resolve("data.warc.gz");
        List<String> paths = List.of("/image.png", "/image.png.gz", "/chunked", "/coded/gzip/chunked.png",
                "/coded/deflate/image.png", "/coded/rawdeflate/image.png", "/coded/br/image.png", "/coded/zstd/chunked.png");
        try (TestSite site = new TestSite(); RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            for (String p : paths) {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(site.https(p))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.body()).as("forwarded unchanged: %s", p).isEqualTo(site.sent.get(p));
            }
            client.send(HttpRequest.newBuilder(URI.create(site.https("/page"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(5))).isTrue();
        }
        Extraction x = new ResourceExtractor(dir.resolve("resources")).extract(warc);
        assertThat(x.skipped()).isEmpty();
        assertThat(x.resources()).hasSize(paths.size()).allSatisfy(r -> {
            assertThat(r.mediaType()).isEqualTo("image/png");
            assertThat(r.size()).isEqualTo(TestSite.PNG.length);
            assertThat(Files.readAllBytes(r.path())).as(r.url()).isEqualTo(TestSite.PNG);
            assertThat(r.sha256()).isEqualTo(Sha256.of(r.path()).hex());
            assertThat(r.path().getFileName().toString()).isEqualTo(r.sha256() + ".png");
        });
        try (var files = Files.list(dir.resolve("resources"))) {
            assertThat(files.toList()).as("one file for identical bytes, no leftovers").hasSize(1);
        }
    }
}
