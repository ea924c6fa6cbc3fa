package org.exhibit.capture.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkListTest {
    @Test
    void plainTextReportsEveryBadLineWithItsNumberAndKeepsTheGoodOnes() {
        String text = """
                # reposts found on 2026-03-02
                https://example.org/post/1

                ftp://example.org/file
                not a url
                example.org/post/2
                HTTPS://Example.ORG:443/post/1#comments
                javascript:alert(1)
                http://example.org:8080/post/3   # the mirror
                """;
        LinkList list = LinkList.parse("links.txt", text, LinkUrl::parse);

        assertThat(list.entries()).extracting(LinkEntry::line).containsExactly(2, 9);
        assertThat(list.entries()).extracting(e -> e.url().key())
                .containsExactly("https://example.org/post/1", "http://example.org:8080/post/3");
        assertThat(list.problems()).extracting(p -> p.message("links.txt")).containsExactly(
                "links.txt:4: refused scheme: refused 'ftp://example.org/file': expected an http or https URL, got scheme 'ftp'",
                "links.txt:5: not a URL: refused 'not a url': expected an http or https URL, got no scheme (write https://...)",
                "links.txt:6: not a URL: refused 'example.org/post/2': expected an http or https URL, got no scheme"
                        + " (write https://...)",
                "links.txt:7: duplicate of line 2: both are https://example.org/post/1",
                "links.txt:8: refused scheme: refused 'javascript:alert(1)': expected an http or https URL, got scheme 'javascript'");
    }

    @Test
    void csvCarriesNoteColumnsAndHandlesQuotesCommasAndLineBreaksInFields() {
        String text = "Platform,URL,username,description,notes\r\n"
                + "forum,https://forum.example/t/9,\"jd, again\",\"said \"\"it's her\"\"\",\r\n"
                + "imagehost,\"https://img.example/a?x=1,2\",,\"two\nlines\",seen twice\r\n"
                + "social,https://social.example/p/3,anon\r\n";
        LinkList list = LinkList.parse("links.csv", text, LinkUrl::parse);

        assertThat(list.problems()).isEmpty();
        assertThat(list.entries()).extracting(LinkEntry::line).containsExactly(2, 3, 5);
        assertThat(list.entries().get(0).notes()).containsExactly(Map.entry("platform", "forum"),
                Map.entry("username", "jd, again"), Map.entry("description", "said \"it's her\""));
        assertThat(list.entries().get(1).url().key()).isEqualTo("https://img.example/a?x=1,2");
        assertThat(list.entries().get(1).notes()).containsEntry("description", "two\nlines")
                .containsEntry("notes", "seen twice").doesNotContainKey("username");
    }

    @Test
    void csvRowsThatAreMalformedAreReportedByTheLineTheyStartOn() {
        String text = """
                url,username
                https://a.example/1,x
                https://a.example/2,y,extra
                "https://a.example/3"oops,z
                ,nobody
                https://a.example/4,"never closed
                https://a.example/5,w
                """;
        LinkList list = LinkList.parse("l.csv", text, LinkUrl::parse);

        assertThat(list.entries()).extracting(LinkEntry::line).containsExactly(2);
        assertThat(list.problems()).extracting(LinkProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(list.problems().get(0).reason()).startsWith("expected at most 2 fields as in the header, got 3");
        assertThat(list.problems().get(1).reason()).contains("after a closing quote");
        assertThat(list.problems().get(2).reason()).isEqualTo("not a URL: the url column is empty");
        assertThat(list.problems().get(3).reason()).contains("closing quote").contains("line 6");
    }

    @Test
    void csvWithoutUrlColumnIsOneProblemOnItsHeaderLine() {
        LinkList list = LinkList.parse("l.csv", "# list\nlink,who\nhttps://a.example/,x\n", LinkUrl::parse);
        assertThat(list.entries()).isEmpty();
        assertThat(list.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("expected a CSV header with a \"url\" column, got link,who");
        });
    }

    @Test
    void internationalisedDomainIsRequestedInPunycodeAndKeptInUnicode() {
        LinkUrl url = LinkUrl.parse("https://Bücher.example/café?q=ü#top");
        assertThat(url.request().toString()).isEqualTo("https://xn--bcher-kva.example/caf%C3%A9?q=%C3%BC");
        assertThat(url.display()).isEqualTo("https://bücher.example/caf%C3%A9?q=%C3%BC");
        LinkList list = LinkList.parse("l.txt", "https://bücher.example/\nhttps://xn--bcher-kva.example\n", LinkUrl::parse);
        assertThat(list.problems()).singleElement().extracting(LinkProblem::reason)
                .isEqualTo("duplicate of line 1: both are https://bücher.example/");
    }

    @Test
    void normalisationDropsDefaultPortsAndFragmentsButKeepsOtherPortsAndPathCase() {
        assertThat(LinkUrl.parse("HTTP://WWW.Example.COM:80").key()).isEqualTo("http://www.example.com/");
        assertThat(LinkUrl.parse("http://127.0.0.1:8080/A/b?X=1#f").key()).isEqualTo("http://127.0.0.1:8080/A/b?X=1");
        assertThat(LinkUrl.parse("http://[::1]:443/").key()).isEqualTo("http://[::1]:443/");
        assertThatThrownBy(() -> LinkUrl.parse("http://example.com:99999/")).hasMessageContaining("port between 1 and 65535");
        assertThatThrownBy(() -> LinkUrl.parse("http:///nohost")).hasMessageStartingWith("not a URL");
        assertThatThrownBy(() -> LinkUrl.parse("file:///etc/passwd")).hasMessageStartingWith("refused scheme");
    }

    @Test
    void batchIdDependsOnTheNormalisedUrlsNotOnTheirOrderOrSpelling() {
        LinkList a = LinkList.parse("a.txt", "https://a.example/1\nhttps://b.example/2\n", LinkUrl::parse);
        LinkList b = LinkList.parse("b.txt", "# same\nHTTPS://B.example:443/2#x\n\nhttps://a.example/1\n", LinkUrl::parse);
        LinkList c = LinkList.parse("c.txt", "https://a.example/1\n", LinkUrl::parse);
        assertThat(a.id()).matches("[0-9a-f]{64}").isEqualTo(b.id()).isNotEqualTo(c.id());
    }

    @Test
    void fileThatIsNotUtf8IsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("links.txt");
        Files.write(file, new byte[] {'h', 't', 't', 'p', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> LinkList.read(file)).hasMessageContaining("links.txt: expected UTF-8 text");
        Files.writeString(file, "\uFEFFurl,notes\nhttps://a.example/,x\n", StandardCharsets.UTF_8);
        assertThat(LinkList.read(file).entries()).extracting(e -> e.notes()).containsExactly(Map.of("notes", "x"));
        assertThat(LinkList.read(file).problems()).isEqualTo(List.of());
    }
}
