package org.exhibit.integrity.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.record.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {
    @TempDir
    Path dir;

    @Test
    void appendsFromSeveralThreadsAndProcessesKeepOneValidChain() throws Exception {
        Path file = dir.resolve("events.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AppendingProcess.class.getName(), file.toString(), "30", "process-" + p)
                    .redirectErrorStream(true).start());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Actor actor = new Actor("thread-" + t, "ab".repeat(32));
            done.add(pool.submit(() -> {
                CustodyLog log = new CustodyLog(file);
                for (int i = 0; i < 25; i++) {
                    log.append(actor, CustodyEvent.CAPTURED, "captures/" + i, Map.of());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }

        CustodyLog log = new CustodyLog(file);
        ChainReport r = log.verify();
        assertThat(r.intact()).as(r.summary()).isTrue();
        assertThat(r.lines()).isEqualTo(4 * 25 + 2 * 30);
        List<CustodyEvent> events = log.events();
        assertThat(events).extracting(CustodyEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 160).boxed().collect(Collectors.toList()));
        assertThat(events.stream().map(e -> e.actor().name()).distinct()).hasSize(6);
    }
}
