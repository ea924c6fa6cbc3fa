package org.exhibit.integrity.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.custody.ChainReport.Kind;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyLogTest {
    static final Actor DANA = new Actor("Dana Reyes", "ab".repeat(32));

    @TempDir
    Path dir;
    Path file;
    CustodyLog log;

    @BeforeEach
    void sixEvents() throws Exception {
        file = dir.resolve("events.jsonl");
        log = new CustodyLog(file);
        log.append(DANA, CustodyEvent.CASE_OPENED, null, Map.of("caseId", "2026-017"));
        for (int i = 1; i <= 5; i++) {
            log.append(DANA, CustodyEvent.INGESTED, "files/000" + i, Map.of("sha256", "cd".repeat(32), "n", i));
        }
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String shell(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void eachLineNamesTheSha256OfThePreviousLineAsSha256sumComputesIt() throws Exception {
        List<CustodyEvent> events = log.events();
        assertThat(events).extracting(CustodyEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.get(0).prev()).isEqualTo("0".repeat(64));
        for (int n = 2; n <= 6; n++) {
            String sum = shell(dir, "sed -n " + (n - 1) + "p events.jsonl | sha256sum").substring(0, 64);
            assertThat(events.get(n - 1).prev()).as("prev of line " + n).isEqualTo(sum);
        }
        assertThat(log.head().hex()).isEqualTo(shell(dir, "tail -n 1 events.jsonl | sha256sum").substring(0, 64));
        ChainReport r = log.verify(log.head());
        assertThat(r.intact()).as(r.summary()).isTrue();
        assertThat(r.lines()).isEqualTo(6);
        assertThat(lines().get(1)).startsWith("{\"seq\":2,\"time\":\"").contains("\"action\":\"ingested\"",
                "\"subject\":\"files/0001\"", "\"actor\":{\"name\":\"Dana Reyes\",\"fingerprint\":\"abab");
    }

    @Test
    void everyEditedLineIsNamed() throws Exception {
        Sha256 head = log.head();
        List<String> original = lines();
        for (int n = 1; n <= original.size(); n++) {
            List<String> edited = new ArrayList<>(original);
            edited.set(n - 1, edited.get(n - 1).replace("Dana Reyes", "Dana Reyez"));
            write(edited);
            ChainReport r = log.verify(head);
            assertThat(r.intact()).as("edit of line " + n).isFalse();
            if (n < original.size()) {
                assertThat(r.firstBreak().kind()).isEqualTo(Kind.EDITED);
                assertThat(r.firstBreak().line()).isEqualTo(n);
                assertThat(r.firstBreak().message()).startsWith("line " + n + " was edited");
            } else {
                assertThat(r.firstBreak().kind()).isEqualTo(Kind.TRUNCATED);
                assertThat(r.firstBreak().message()).contains("the log ends at line 6", "the last line was edited");
            }
        }
    }

    @Test
    void editedSeqOrPrevFieldIsNamed() throws Exception {
        List<String> original = lines();
        List<String> edited = new ArrayList<>(original);
        edited.set(2, edited.get(2).replace("\"seq\":3", "\"seq\":9"));
        write(edited);
        assertThat(log.verify().firstBreak().message()).startsWith("line 3 was edited");

        edited = new ArrayList<>(original);
        String prev = log.events().get(3).prev();
        edited.set(3, edited.get(3).replace(prev, "e".repeat(64)));
        write(edited);
        assertThat(log.verify().firstBreak()).extracting(ChainReport.ChainBreak::line, ChainReport.ChainBreak::kind)
                .containsExactly(4L, Kind.EDITED);
    }

    @Test
    void everyRemovedLineIsNamed() throws Exception {
        Sha256 head = log.head();
        List<String> original = lines();
        for (int n = 1; n <= original.size(); n++) {
            List<String> removed = new ArrayList<>(original);
            removed.remove(n - 1);
            write(removed);
            ChainReport r = log.verify(head);
            assertThat(r.intact()).as("removal of line " + n).isFalse();
            if (n < original.size()) {
                assertThat(r.firstBreak().kind()).as(r.summary()).isEqualTo(Kind.REMOVED);
                assertThat(r.firstBreak().message()).startsWith("the line with seq " + n + " is missing");
            } else {
                assertThat(r.firstBreak().kind()).isEqualTo(Kind.TRUNCATED);
            }
        }
    }

    @Test
    void everySwapOfNeighbouringLinesIsNamedAsReordering() throws Exception {
        List<String> original = lines();
        for (int n = 1; n < original.size(); n++) {
            List<String> swapped = new ArrayList<>(original);
            swapped.set(n - 1, original.get(n));
            swapped.set(n, original.get(n - 1));
            write(swapped);
            ChainReport r = log.verify();
            assertThat(r.firstBreak().kind()).as("swap of lines " + n + " and " + (n + 1)).isEqualTo(Kind.REORDERED);
            assertThat(r.firstBreak().line()).isEqualTo(n);
            assertThat(r.firstBreak().message()).startsWith("line " + n + " (seq " + (n + 1) + ") was written after line "
                    + (n + 1));
        }
    }

    @Test
    void repeatedLineIsNamed() throws Exception {
        List<String> dup = lines();
        dup.add(3, dup.get(2));
        write(dup);
        ChainReport r = log.verify();
        assertThat(r.firstBreak().kind()).isEqualTo(Kind.REORDERED);
        assertThat(r.firstBreak().line()).isEqualTo(4);
    }

    @Test
    void linesAddedAfterARecordedHeadAreNamed() throws Exception {
        Sha256 head = log.head();
        log.append(DANA, CustodyEvent.VERIFIED, null, Map.of());
        assertThat(log.verify().intact()).isTrue();
        ChainReport r = log.verify(head);
        assertThat(r.firstBreak().kind()).isEqualTo(Kind.APPENDED);
        assertThat(r.firstBreak().message()).isEqualTo("lines 7..7 were added after the recorded head (line 6)");
    }

    @Test
    void halfWrittenLastLineIsReportedRefusedAndRepairedOnlyWhenAsked() throws Exception {
        Sha256 head = log.head();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length + 40));
        Files.writeString(file, "{\"seq\":7,\"time\":\"2026-11-24T01:0", java.nio.file.StandardOpenOption.APPEND);

        ChainReport r = log.verify();
        assertThat(r.firstBreak().kind()).isEqualTo(Kind.HALF_WRITTEN);
        assertThat(r.firstBreak().message()).startsWith("line 7 is half-written");
        assertThat(log.head()).isEqualTo(head);
        assertThatThrownBy(() -> log.append(DANA, CustodyEvent.VERIFIED, null, Map.of()))
                .isInstanceOf(CustodyLogException.class).hasMessageContaining("half-written line");

        long cut = log.repair();
        assertThat(cut).isGreaterThan(40);
        assertThat(Files.readAllBytes(file)).isEqualTo(java.util.Arrays.copyOf(bytes, bytes.length));
        try (var kept = Files.list(dir)) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("events.jsonl.cut-"));
        }
        assertThat(log.repair()).isZero();
        log.append(DANA, CustodyEvent.VERIFIED, null, Map.of());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void garbageLineIsNamedUnreadable() throws Exception {
        List<String> bad = lines();
        bad.set(1, "not json at all");
        write(bad);
        ChainReport r = log.verify();
        assertThat(r.firstBreak().kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(r.firstBreak().message()).isEqualTo("line 2 is not valid JSON: edited or damaged");
    }

    @Test
    void emptyLogHasTheZeroHead() throws Exception {
        CustodyLog empty = new CustodyLog(dir.resolve("none.jsonl"));
        assertThat(empty.head()).isEqualTo(Sha256.ZERO);
        Files.createFile(empty.file());
        assertThat(empty.verify().intact()).isTrue();
    }
}
