package org.exhibit.capture.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case left as {@code kill -9} leaves it, put back in order before the batch resumes. */
class BatchRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void interruptedCaseIsRepairedAndFinishedCapturesOfTheBatchAreFound() throws Exception {
        Identity dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", null, null, "pw".toCharArray(), false);
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("case"), "2026-017", null, dana.publicInfo());
        LinkList list = LinkList.parse("l.txt", "https://a.example/1\nhttps://a.example/2\nhttps://a.example/3\n", LinkUrl::parse);

        Path logged = record(ws, list.id(), list.entries().get(0));            // finished and logged
        ws.custody().append(dana.actor(), CustodyEvent.CAPTURED, ws.subject(logged), Map.of("url", "https://a.example/1"));
        Path unlogged = record(ws, list.id(), list.entries().get(1));          // killed before its custody event
        Path half = ws.newCaptureDir();                                        // killed before capture.json
        Files.writeString(half.resolve("screenshot-full.png"), "half");
        Path other = record(ws, "f".repeat(64), list.entries().get(2));        // another batch's capture
        ws.custody().append(dana.actor(), CustodyEvent.CAPTURED, ws.subject(other), Map.of());
        Path scratch = ws.scratch();
        Files.writeString(scratch.resolve("data.warc.gz"), "partial");
        Files.writeString(ws.eventsFile(), "{\"seq\":9,\"time\":\"2026-", StandardOpenOption.APPEND);

        BatchRecovery r = BatchRecovery.run(ws, list.id(), dana.actor());

        assertThat(r.custodyBytesCut()).isEqualTo("{\"seq\":9,\"time\":\"2026-".length());
        assertThat(r.discarded()).containsExactlyInAnyOrder(ws.root().relativize(scratch).toString(), "data/captures/0003");
        assertThat(half).doesNotExist();
        assertThat(ws.workDir().resolve(BatchRecovery.DISCARDED)).isDirectoryContaining(p -> p.getFileName().toString().endsWith("data_captures_0003"));
        assertThat(r.recovered()).containsExactly("captures/0002");
        assertThat(r.finished()).containsOnlyKeys("https://a.example/1", "https://a.example/2");
        assertThat(r.finished().get("https://a.example/2").id()).isEqualTo(unlogged.getFileName().toString());
        assertThat(ws.custody().verify().intact()).isTrue();
        CustodyEvent added = ws.custody().events().get(ws.custody().events().size() - 1);
        assertThat(added.action()).isEqualTo(CustodyEvent.CAPTURED);
        assertThat(added.subject()).isEqualTo("captures/0002");
        assertThat(added.details()).containsKey("recovered").containsEntry("outcome", "complete");

        BatchRecovery again = BatchRecovery.run(ws, list.id(), dana.actor());
        assertThat(again.discarded()).isEmpty();
        assertThat(again.recovered()).isEmpty();
        assertThat(again.custodyBytesCut()).isZero();
        assertThat(again.finished()).hasSize(2);
    }

    @Test
    void secondBatchOnTheSameCaseIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        Identity dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", null, null, "pw".toCharArray(), false);
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("case"), "c1", null, dana.publicInfo());
        try (CaseLock ignored = CaseLock.acquire(ws)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CaseLock.acquire(ws))
                    .hasMessageContaining("another batch is capturing into");
        }
        CaseLock.acquire(ws).close();
    }

    private static Path record(CaseWorkspace ws, String batchId, LinkEntry entry) throws Exception {
        Path dir = ws.newCaptureDir();
        Files.writeString(dir.resolve("page.html"), "<html></html>", StandardCharsets.UTF_8);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("format", 1);
        rec.put("id", dir.getFileName().toString());
        rec.put("requestedUrl", entry.url().display());
        rec.put("finalUrl", entry.url().display());
        rec.put("mainDocument", Map.of("url", entry.url().display(), "status", 200, "headers", List.of()));
        rec.put("outcome", "complete");
        rec.put("warnings", List.of());
        rec.put("notes", BatchMark.of(batchId, entry).notes(entry));
        rec.put("artifacts", List.of(Map.of("path", "page.html")));
        Json.write(dir.resolve(CaptureFolder.RECORD), rec);
        return dir;
    }
}
