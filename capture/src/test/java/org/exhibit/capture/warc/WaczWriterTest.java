package org.exhibit.capture.warc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;
import org.exhibit.capture.testsite.ProxiedClient;
import org.exhibit.capture.testsite.TestSite;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

class WaczWriterTest {
    @TempDir
    Path dir;
    Path warc;
    String pageUrl;

    @BeforeEach
    void capture() throws Exception {
        warc = dir.resolve("data.warc.gz");
        try (TestSite site = new TestSite(); RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(warc))) {
            HttpClient client = ProxiedClient.through(proxy);
            pageUrl = site.https("/page");
            for (String url : List.of(pageUrl, site.https("/image.png"), site.http("/gzip"), site.http("/missing"),
                    site.https("/chunked"))) {
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(proxy.awaitIdle(Duration.ofMillis(50), Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void datapackageHashesMatchTheFilesAndTheDigestFileMatchesTheDatapackage() throws Exception {
        Instant created = Instant.parse("2025-01-02T03:04:05Z");
        Wacz wacz = new WaczWriter("Exhibit test", created).title("Capture 0001")
                .write(warc, List.of(new Page(pageUrl, created, "Test page", "Test page\nwith its text")), dir.resolve("capture.wacz"));
        assertThat(wacz.sha256()).isEqualTo(Sha256.of(wacz.path()).hex());
        try (ZipFile zip = new ZipFile(wacz.path().toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactly("archive/data.warc.gz", "indexes/index.cdxj", "pages/pages.jsonl",
                    "datapackage.json", "datapackage-digest.json");
            assertThat(Collections.list(zip.entries())).allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
            byte[] datapackage = read(zip, "datapackage.json");
            JsonNode dp = Json.MAPPER.readTree(datapackage);
            assertThat(dp.get("profile").asText()).isEqualTo("data-package");
            assertThat(dp.get("wacz_version").asText()).isEqualTo("1.1.1");
            assertThat(dp.get("created").asText()).isEqualTo("2025-01-02T03:04:05Z");
            assertThat(dp.get("mainPageURL").asText()).isEqualTo(pageUrl);
            assertThat(dp.get("resources")).hasSize(3);
            for (JsonNode r : dp.get("resources")) {
                byte[] content = read(zip, r.get("path").asText());
                assertThat(r.get("hash").asText()).as(r.get("path").asText()).isEqualTo("sha256:" + Sha256.ofBytes(content).hex());
                assertThat(r.get("bytes").asLong()).isEqualTo(content.length);
            }
            assertThat(read(zip, "archive/data.warc.gz")).isEqualTo(java.nio.file.Files.readAllBytes(warc));
            JsonNode digest = Json.MAPPER.readTree(read(zip, "datapackage-digest.json"));
            assertThat(digest.get("path").asText()).isEqualTo("datapackage.json");
            assertThat(digest.get("hash").asText()).isEqualTo("sha256:" + Sha256.ofBytes(datapackage).hex());
            String[] pages = new String(read(zip, "pages/pages.jsonl"), StandardCharsets.UTF_8).split("\n");
            assertThat(Json.MAPPER.readTree(pages[0]).get("format").asText()).isEqualTo("json-pages-1.0");
            assertThat(Json.MAPPER.readTree(pages[1]).get("url").asText()).isEqualTo(pageUrl);
            assertThat(Json.MAPPER.readTree(pages[1]).get("title").asText()).isEqualTo("Test page");
            assertThat(Json.MAPPER.readTree(pages[1]).get("text").asText()).isEqualTo("Test page\nwith its text");
        }
        Process unzip = new ProcessBuilder("unzip", "-tq", wacz.path().toString()).redirectErrorStream(true).start();
        String out = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzip.waitFor()).as("unzip -t: %s", out).isZero();
    }

    @Test
    void cdxjLinesAreSortedAndTheirOffsetsPointAtTheRecordsTheyName() throws Exception {
        Wacz wacz = new WaczWriter("Exhibit test", Instant.now())
                .write(warc, List.of(new Page(pageUrl, Instant.now(), null, null)), dir.resolve("capture.wacz"));
        assertThat(wacz.indexed()).isEqualTo(5);
        try (ZipFile zip = new ZipFile(wacz.path().toFile())) {
            byte[] warcBytes = read(zip, "archive/data.warc.gz");
            List<String> lines = List.of(new String(read(zip, "indexes/index.cdxj"), StandardCharsets.UTF_8).split("\n"));
            List<String> sorted = new ArrayList<>(lines);
            Collections.sort(sorted);
            assertThat(lines).hasSize(5).isEqualTo(sorted);
            for (String line : lines) {
                String[] parts = line.split(" ", 3);
                JsonNode j = Json.MAPPER.readTree(parts[2]);
                assertThat(parts[1]).matches("\\d{14}");
                int offset = j.get("offset").asInt();
                int length = j.get("length").asInt();
                // the slice alone must be one whole gzip member holding exactly the named record
                try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warcBytes, offset, length))) {
                    WarcRecord record = reader.next().orElseThrow();
                    assertThat(record).isInstanceOf(WarcResponse.class);
                    WarcResponse resp = (WarcResponse) record;
                    assertThat(resp.target()).isEqualTo(j.get("url").asText());
                    assertThat(String.valueOf(resp.http().status())).isEqualTo(j.get("status").asText());
                    assertThat(resp.payloadDigest().orElseThrow().toString()).isEqualTo(j.get("digest").asText());
                    resp.body().consume();
                    assertThat(reader.next()).isEmpty();
                }
            }
            // SURT keys as pywb and ReplayWeb.page derive them: host reversed (IPs too), port kept
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("1,0,0,127:\\d+\\)/missing \\d{14} \\{.*\"status\":\"404\".*"));
        }
    }

    static byte[] read(ZipFile zip, String name) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
