package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSiteServerTest {
    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheDirectoryOnLoopbackAndNothingOutsideIt() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site/img"));
        Files.writeString(site.getParent().resolve("index.html"), "<!DOCTYPE html><title>x</title>");
        Files.write(site.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(tmp.resolve("secret.txt"), "not for the browser");
        Files.createSymbolicLink(site.resolve("link.txt"), tmp.resolve("secret.txt"));
        try (SampleSiteServer server = SampleSiteServer.start(tmp.resolve("site"))) {
            assertThat(server.base().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            HttpResponse<String> index = get(server.base() + "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/img/a.png")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(png.body()).hasSize(4);
            assertThat(get(server.base() + "/../secret.txt").statusCode()).isEqualTo(404);
            assertThat(get(server.base() + "/%2e%2e/secret.txt").statusCode()).isEqualTo(404);
            assertThat(get(server.base() + "/img/link.txt").statusCode()).isEqualTo(404);
            assertThat(get(server.base() + "/img/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void linksFileIsReadWithBaseReplacedAndCommentsSkipped() throws Exception {
        Files.createDirectories(tmp.resolve("site"));
        Path links = Files.writeString(tmp.resolve("links.txt"), "# comment\n\n{base}/post.html\n  {base}/forum.html  \n");
        try (SampleSiteServer server = SampleSiteServer.start(tmp.resolve("site"))) {
            assertThat(server.links(links)).isEqualTo(List.of(server.base() + "/post.html", server.base() + "/forum.html"));
        }
    }

    @Test
    void theCommittedSamplesListPagesThatExist() throws Exception {
        Path samples = Path.of("").toAbsolutePath().getParent().resolve("samples");
        try (SampleSiteServer server = SampleSiteServer.start(samples.resolve("site"))) {
            List<String> urls = server.links(samples.resolve("links.txt"));
            assertThat(urls).hasSize(3);
            for (String url : urls) {
                HttpResponse<String> page = get(url);
                assertThat(page.statusCode()).as(url).isEqualTo(200);
                assertThat(page.body()).as(url).contains("SAMPLE CONTENT");
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
