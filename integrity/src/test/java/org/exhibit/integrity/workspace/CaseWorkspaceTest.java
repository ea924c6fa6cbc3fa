package org.exhibit.integrity.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.identity.PublicIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseWorkspaceTest {
    @TempDir
    Path tmp;
    PublicIdentity dana;

    @BeforeEach
    void identity() throws Exception {
        dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", null, null, "pw".toCharArray(), false)
                .publicInfo();
    }

    @Test
    void initLaysOutTheCaseAndLogsItsOpening() throws Exception {
        Path dir = tmp.resolve("cases/2026-017");
        CaseWorkspace ws = CaseWorkspace.init(dir, "2026-017", "Reposts of J.D.", dana);

        for (String p : List.of("case.json", "custody/events.jsonl", "custody/tsa", "data/captures", "data/files", ".work")) {
            assertThat(dir.resolve(p)).as(p).exists();
        }
        CaseWorkspace opened = CaseWorkspace.open(dir);
        assertThat(opened.info()).isEqualTo(ws.info());
        assertThat(opened.info().investigator()).isEqualTo(dana.actor());
        assertThat(Files.readString(dir.resolve("case.json"))).contains("\"id\" : \"2026-017\"", "\"title\" : \"Reposts of J.D.\"");
        List<CustodyEvent> events = opened.custody().events();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("case-opened");
            assertThat(e.actor()).isEqualTo(dana.actor());
            assertThat(e.details()).containsEntry("caseId", "2026-017");
        });
    }

    @Test
    void initRefusesANonEmptyDirectoryAndLeavesItAlone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> CaseWorkspace.init(dir, "x", null, dana))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage("expected an empty or new directory for the case, got " + dir + " (not empty)");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
        CaseWorkspace.init(tmp.resolve("c"), "c", null, dana);
        assertThatThrownBy(() -> CaseWorkspace.init(tmp.resolve("c"), "c", null, dana)).hasMessageEndingWith("(already a case)");
    }

    @Test
    void badCaseIdsAreRefusedNamingTheValue() {
        for (String bad : List.of("", "a/b", "../x", "..", "with space", "x".repeat(65), "caf\u00e9")) {
            assertThatThrownBy(() -> CaseWorkspace.init(tmp.resolve("c"), bad, null, dana))
                    .as(bad).hasMessage("expected a case id of 1-64 letters, digits, '.', '_' or '-', got \"" + bad + "\"");
        }
        assertThat(tmp.resolve("c")).doesNotExist();
    }

    @Test
    void openingADirectoryThatIsNotACaseSaysSo() {
        assertThatThrownBy(() -> CaseWorkspace.open(tmp))
                .hasMessage(tmp + " is not an Exhibit case (no case.json): run `exhibit case init DIR --id CASE-ID` first");
    }

    @Test
    void parallelAllocationsNeverShareAnId() throws Exception {
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("c"), "c", null, dana);
        Set<Path> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    assertThat(seen.add(ws.newCaptureDir())).isTrue();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(seen).hasSize(80);
        assertThat(seen.stream().map(p -> p.getFileName().toString())).contains("0001", "0080");
        assertThat(ws.subject(ws.capturesDir().resolve("0007"))).isEqualTo("captures/0007");
        assertThat(ws.subject(ws.newItemDir().resolve("item.json"))).isEqualTo("files/0001");
        assertThat(ws.scratch()).startsWith(ws.workDir()).isEmptyDirectory();
    }
}
