package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhibit.format.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhibit capture --urls} against real Chromium and the {@link LinkSite} on 127.0.0.1: a list of mixed
 * links (fast, slow, redirecting, 404, 500, refused) at {@code --parallel 4}. The list size is
 * {@code -Dexhibit.batch.size}: 24 by default so CI stays short (a capture costs about 6 CPU-seconds, Chromium
 * included); the acceptance run is {@code -Dexhibit.batch.size=200}.
 */
class BatchCaptureTest {
    static final int SIZE = Integer.getInteger("exhibit.batch.size", 24);
    @TempDir
    static Path tmp;
    static LinkSite site;
    static Path home;
    static Path links;
    static Map<String, String> kinds;

    @BeforeAll
    static void setUp() throws Exception {
        BatchFixture.requireChromium();
        site = new LinkSite();
        home = tmp.resolve("home");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        kinds = site.links(SIZE);
        links = tmp.resolve("links.csv");
        Files.writeString(links, LinkSite.csv(kinds));
    }

    @AfterAll
    static void tearDown() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void mixedListAtParallel4CapturesEveryUrlOnceWithTheRightOutcomeAndRerunCapturesNothingTwice() throws Exception {
        Path dir = BatchFixture.newCase(home, tmp.resolve("case"));
        Cli run = Cli.run(home, null, BatchFixture.captureArgs(dir, links, "--parallel", "4"));
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FAILED);       // the refused links failed, as they must
        JsonNode result = Json.MAPPER.readTree(run.out());
        assertThat(result.path("urls")).hasSize(SIZE);
        for (JsonNode u : result.path("urls")) {
            String kind = kinds.get(u.path("url").asText());
            assertThat(u.path("outcome").asText()).as(u.toString()).isEqualTo(LinkSite.EXPECTED.get(kind));
            BatchFixture.assertStatus(kind, u);
        }
        Map<String, String> first = BatchFixture.captures(dir);
        assertThat(first).isEqualTo(BatchFixture.expected(kinds));
        BatchFixture.assertCustody(dir, SIZE);

        Cli again = Cli.run(home, null, BatchFixture.captureArgs(dir, links, "--parallel", "4"));
        JsonNode rerun = Json.MAPPER.readTree(again.out());
        assertThat(rerun.path("urls").findValuesAsText("resumed")).containsOnly("true");
        assertThat(BatchFixture.captures(dir)).isEqualTo(first);
        BatchFixture.assertCustody(dir, SIZE);
    }

    @Test
    void batchStoppedLikeCtrlCFinishesWhatRunsQuitsItsBrowsersAndResumes() throws Exception {
        Path dir = BatchFixture.newCase(home, tmp.resolve("stopped"));
        Path log = tmp.resolve("stopped.log");
        Process child = childBatch(dir, links, log);
        List<ProcessHandle> browsers = new ArrayList<>();
        while (child.isAlive() && BatchFixture.finished(dir) < 2) {
            child.descendants().forEach(p -> {
                if (!browsers.contains(p)) {
                    browsers.add(p);
                }
            });
            Thread.sleep(100);
        }
        assertThat(child.isAlive()).as("the batch was still running when stopped: " + Files.readString(log)).isTrue();
        child.destroy();                                                 // SIGTERM: what Ctrl-C does, shutdown hooks run
        assertThat(child.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("stopped within 3 minutes").isTrue();
        Thread.sleep(2000);
        assertThat(browsers).as("chromedriver and Chromium started by the batch").isNotEmpty()
                .noneMatch(ProcessHandle::isAlive);
        int stopped = BatchFixture.finished(dir);
        assertThat(stopped).isBetween(2, SIZE - 1);
        try (Stream<Path> folders = Files.list(dir.resolve("data/captures"))) {
            assertThat(folders).as("no half-written capture folder").allSatisfy(f ->
                    assertThat(f.resolve("capture.json")).isRegularFile());
        }
        BatchFixture.assertCustody(dir, stopped);

        Cli resumed = Cli.run(home, null, BatchFixture.captureArgs(dir, links, "--parallel", "4"));
        assertThat(resumed.err()).doesNotContain("Exception");
        assertThat(BatchFixture.captures(dir)).isEqualTo(BatchFixture.expected(kinds));
        BatchFixture.assertCustody(dir, SIZE);
    }

    /** {@code exhibit capture --urls} in a JVM of its own, so that it can be stopped or killed. */
    private static Process childBatch(Path dir, Path links, Path log) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dexhibit.home=" + home, "org.exhibit.tools.Exhibit"));
        cmd.addAll(List.of(BatchFixture.captureArgs(dir, links, "--parallel", "4")));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void batchKilledWithKill9InTheMiddleAndRunAgainEndsWithTheSameCapturesAndAValidCustodyLog() throws Exception {
        Path dir = BatchFixture.newCase(home, tmp.resolve("killed"));
        Process child = childBatch(dir, links, tmp.resolve("killed.log"));
        try {
            while (child.isAlive() && BatchFixture.finished(dir) < SIZE / 3) {
                Thread.sleep(100);
            }
            assertThat(child.isAlive()).as("the batch was still running when killed: " + Files.readString(tmp.resolve("killed.log"))).isTrue();
        } finally {
            List<ProcessHandle> started = child.descendants().toList();
            child.destroyForcibly();                                   // SIGKILL: no shutdown hook runs
            child.waitFor();
            started.forEach(ProcessHandle::destroyForcibly);         // its orphaned chromedriver and Chromium
        }
        int before = BatchFixture.finished(dir);
        assertThat(before).isBetween(SIZE / 3, SIZE - 1);

        Cli resumed = Cli.run(home, null, BatchFixture.captureArgs(dir, links, "--parallel", "4"));
        assertThat(resumed.err()).doesNotContain("Exception");
        JsonNode result = Json.MAPPER.readTree(resumed.out());
        assertThat(result.path("urls").findValuesAsText("resumed").stream().filter("true"::equals).count())
                .isGreaterThanOrEqualTo(before);
        assertThat(BatchFixture.captures(dir)).isEqualTo(BatchFixture.expected(kinds));
        BatchFixture.assertCustody(dir, SIZE);
        assertThat(dir.resolve(".work")).isDirectory();
        try (Stream<Path> work = Files.list(dir.resolve(".work"))) {
            assertThat(work.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("scratch-"));
        }

        Path bundles = Files.createDirectories(tmp.resolve("killed-bundles"));
        Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", "local", "-o", bundles.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        Path bundle;
        try (Stream<Path> files = Files.list(bundles)) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Cli verify = Cli.run(home, null, "verify", bundle.toString());
        assertThat(verify.exit()).as(verify.out()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("VERIFIED").doesNotContain("FAIL ")
                .contains("PASS custody-log").contains("PASS unlisted");
        assertThat(verify.out().lines().filter(l -> l.startsWith("PASS records     data/captures/")).count())
                .as(verify.out()).isEqualTo(SIZE);
    }
}
