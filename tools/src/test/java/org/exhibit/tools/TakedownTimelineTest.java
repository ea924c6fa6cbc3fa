package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhibit takedown} on a case folder logs each notice; the timelines say after which notice a URL went down;
 * {@code --back-online} re-issues for the URL that came back only; the case still seals and verifies. No browser: the
 * capture folders and their {@code captured} lines are written here as a capture writes them.
 */
class TakedownTimelineTest {
    static final String PAGE_A = "https://a.example/post/1";
    static final String PHOTO_A = "https://a.example/media/1.jpg";
    static final String PAGE_B = "https://b.example/post/2";

    @TempDir
    Path tmp;
    Path home;
    Path dir;
    Actor me;
    int n;

    @Test
    void noticesAreLoggedTimelinesSayAfterWhichNoticeAndBackOnlineReissuesOnlyWhatCameBack() throws Exception {
        home = tmp.resolve("home");
        dir = tmp.resolve("case");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-031").exit()).isZero();
        me = Investigator.publicInfo(Environment.of(home, null)).actor();
        Instant start = Instant.now().minusSeconds(3600);
        capture(PAGE_A, start, 200, true);
        capture(PAGE_B, start.plusSeconds(60), 200, false);

        Cli first = Cli.run(home, null, "takedown", "--case", dir.toString(), "--only", PHOTO_A, "--only", PAGE_B,
                "-o", tmp.resolve("notices").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("3 notice(s) logged in the case's custody log");
        CaseWorkspace ws = CaseWorkspace.open(dir);
        List<CustodyEvent> notices = notices(ws);
        assertThat(notices).hasSize(3);
        EventDetails.NoticeDrafted toA = EventDetails.read(notices.get(0), EventDetails.NoticeDrafted.class);
        assertThat(toA.host()).isEqualTo("a.example");
        assertThat(toA.kind()).isEqualTo(EventDetails.HOST_NOTICE);
        assertThat(toA.file()).isEqualTo("takedown-a.example.txt");
        assertThat(toA.urls()).containsExactly(PHOTO_A, PAGE_A);
        Path noticeA = tmp.resolve("notices/takedown-a.example.txt");
        assertThat(notices.get(0).subject()).isEqualTo("notice:" + Sha256.of(noticeA).hex());
        assertThat(toA.sha256()).isEqualTo(Sha256.of(noticeA).hex());
        assertThat(toA.pdfSha256()).isEqualTo(Sha256.of(tmp.resolve("notices/takedown-a.example.pdf")).hex());
        assertThat(EventDetails.read(notices.get(2), EventDetails.NoticeDrafted.class).kind())
                .isEqualTo(EventDetails.DELISTING_NOTICE);
        Instant noticeTime = notices.get(0).time();

        // after the notices: A is gone; B is gone, then back
        Instant later = Instant.now().plusSeconds(1);
        capture(PAGE_A, later, 410, false);
        capture(PAGE_B, later.plusSeconds(60), 404, false);
        capture(PAGE_B, later.plusSeconds(120), 200, false);

        Cli timeline = Cli.run(home, null, "timeline", "--case", dir.toString());
        assertThat(timeline.exit()).as(timeline.err()).isZero();
        String afterA = "after the notice of " + noticeTime + " to a.example";
        assertThat(timeline.out()).contains("went down: found gone (HTTP 410); last seen online " + start
                        + " (captures/0001); " + afterA, "takedown notice to a.example drafted (takedown-a.example.txt)",
                "after the notice of " + notices.get(1).time() + " to b.example");
        Cli json = Cli.run(home, null, "timeline", "--case", dir.toString(), "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode a = Json.MAPPER.readTree(json.out()).path("timelines").get(0);
        assertThat(a.path("url").asText()).isEqualTo(PAGE_A);
        assertThat(a.path("periods").get(0).has("notice")).as("online: no notice").isFalse();
        assertThat(a.path("periods").get(1).path("state").asText()).isEqualTo("gone");
        assertThat(a.path("periods").get(1).path("notice").asText()).isEqualTo(afterA);

        Cli again = Cli.run(home, null, "takedown", "--case", dir.toString(), "--back-online",
                "-o", tmp.resolve("again").toString());
        assertThat(again.exit()).as(again.err()).isZero();
        try (Stream<Path> files = Files.list(tmp.resolve("again"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("search-delisting.pdf",
                    "search-delisting.txt", "takedown-b.example.pdf", "takedown-b.example.txt");
        }
        String b = Files.readString(tmp.resolve("again/takedown-b.example.txt")).replaceAll("\\s+", " ");
        assertThat(b).contains(PAGE_B, "capture 0005").doesNotContain("a.example");
        assertThat(notices(ws)).hasSize(5);

        Path out = Files.createDirectories(tmp.resolve("sealed"));
        Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", "local", "-o", out.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        Path bundle;
        try (Stream<Path> files = Files.list(out)) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Cli verify = Cli.run(home, null, "verify", bundle.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            String report = new String(zip.getInputStream(zip.getEntry("data/report/report.html")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(report).contains("Timelines", afterA);
        }

        Cli fromBundle = Cli.run(home, null, "takedown", "--case", bundle.toString(), "--only", PAGE_B,
                "-o", tmp.resolve("from-bundle").toString());
        assertThat(fromBundle.exit()).as(fromBundle.err()).isZero();
        assertThat(fromBundle.err()).contains("not logged: a sealed bundle does not change");
        Cli backFromBundle = Cli.run(home, null, "takedown", "--case", bundle.toString(), "--back-online",
                "-o", tmp.resolve("from-bundle").toString());
        assertThat(backFromBundle.exit()).isEqualTo(2);
        assertThat(backFromBundle.err()).contains("--back-online: expected a case folder");
    }

    @Test
    void backOnlineWithNothingBackIsAClearErrorAndLogsNothing() throws Exception {
        home = tmp.resolve("home");
        dir = tmp.resolve("case");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-032").exit()).isZero();
        me = Investigator.publicInfo(Environment.of(home, null)).actor();
        capture(PAGE_A, Instant.now().minusSeconds(60), 200, false);
        Cli cli = Cli.run(home, null, "takedown", "--case", dir.toString(), "--back-online",
                "-o", tmp.resolve("x").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("--back-online: no URL of " + dir + " is back online");
        assertThat(notices(CaseWorkspace.open(dir))).isEmpty();
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    private static List<CustodyEvent> notices(CaseWorkspace ws) throws Exception {
        return ws.custody().events().stream().filter(e -> CustodyEvent.NOTICE_DRAFTED.equals(e.action())).toList();
    }

    /** A capture folder of {@code url} answering {@code status}, and its {@code captured} line. */
    private void capture(String url, Instant at, int status, boolean photo) throws Exception {
        String id = String.format("%04d", ++n);
        Path folder = Files.createDirectories(dir.resolve("data/captures/" + id + "/resources"));
        List<Map<String, Object>> artifacts = new ArrayList<>();
        if (photo) {
            Path jpg = Files.writeString(folder.resolve("1.jpg"), "not really a jpeg");
            artifacts.add(Map.of("path", "resources/1.jpg", "role", "resource", "mediaType", "image/jpeg",
                    "size", Files.size(jpg), "sha256", Sha256.of(jpg).hex(), "url", PHOTO_A));
        }
        Path record = folder.getParent().resolve("capture.json");
        Json.write(record, Map.of("format", 1, "id", id, "caseId", "2026-031", "requestedUrl", url,
                "finalUrl", url, "startedAt", at.toString(), "endedAt", at.plusSeconds(5).toString(),
                "outcome", "complete", "mainDocument", Map.of("url", url, "status", status, "redirects", List.of()),
                "artifacts", artifacts));
        CaseWorkspace.open(dir).custody().append(me, CustodyEvent.CAPTURED, "captures/" + id,
                EventDetails.of(new EventDetails.Captured(url, url, "complete", "capture.json",
                        Sha256.of(record).hex(), artifacts.size(), null)));
    }
}
