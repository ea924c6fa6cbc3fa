package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.custody.CustodyLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhibit recheck} against real Chromium and the {@link RecheckSite} on 127.0.0.1, whose pages change
 * between runs: the four verdicts, the re-upload of the victim's photo, the custody lines, the timelines, the
 * on-change hook, a run killed with {@code kill -9} and resumed, and the case still sealing and verifying.
 */
class RecheckCommandTest {
    @TempDir
    static Path tmp;
    static RecheckSite site;
    static Path home;

    @BeforeAll
    static void setUp() throws Exception {
        BatchFixture.requireChromium();
        site = new RecheckSite();
        home = tmp.resolve("home");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
    }

    @AfterAll
    static void tearDown() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void twoRechecksGiveTheVerdictsTheReuploadTheCustodyLinesAndTheTimelinesAndAKilledRecheckResumes() throws Exception {
        Path dir = BatchFixture.newCase(home, tmp.resolve("case"));
        Path links = tmp.resolve("links.txt");
        Files.writeString(links, String.join("\n", site.urls()) + "\n");
        Cli first = Cli.run(home, null, "capture", "--case", dir.toString(), "--urls", links.toString(), "--tsa", "local",
                "--parallel", "2", "--json", "--quiet");
        assertThat(first.exit()).as(first.err()).isZero();
        Path victim = tmp.resolve("victim.png");
        RecheckSite.victimImage(victim);
        Path mine = tmp.resolve("mine.csv");
        Cli hashes = Cli.run(home, null, "hashes", "--files", victim.toString(), "-o", mine.toString());
        assertThat(hashes.exit()).as(hashes.err()).isZero();

        site.aGone = true;
        site.bEdited = true;
        site.cImage = true;
        Path hookOut = tmp.resolve("on-change.json");
        Cli one = recheck(dir, mine, "--on-change", "cat > '" + hookOut + "'; exit 3");
        assertThat(one.exit()).as(one.err()).isZero();
        JsonNode r1 = Json.MAPPER.readTree(one.out());
        assertThat(verdicts(r1)).containsOnly(Map.entry(site.url("a"), "gone"), Map.entry(site.url("b"), "changed"),
                Map.entry(site.url("c"), "changed"), Map.entry(site.url("d"), "unchanged"));
        assertThat(check(r1, "a").path("reason").asText()).contains("HTTP 410");
        assertThat(check(r1, "b").path("textAdded").toString()).contains("The caption was edited later.");
        assertThat(check(r1, "b").path("textRemoved").toString()).contains("The first caption of post B.");
        JsonNode reuploads = check(r1, "c").path("reuploads");
        assertThat(reuploads).as(one.out()).hasSize(1);
        assertThat(reuploads.get(0).path("method").asText()).isEqualTo("pdq");
        assertThat(reuploads.get(0).path("distance").asInt()).isBetween(1, 31);   // re-encoded: not the same bytes
        assertThat(reuploads.get(0).path("url").asText()).isEqualTo(site.url("img/c.jpg"));
        String artifact = reuploads.get(0).path("artifact").asText();
        assertThat(artifact).matches("captures/\\d{4}/resources/[0-9a-f]{64}\\.jpg");
        assertThat(dir.resolve("data").resolve(artifact)).isRegularFile();
        assertThat(check(r1, "c").path("mediaAdded").toString()).contains(artifact.substring(artifact.indexOf("resources/")));
        for (String quiet : List.of("a", "b", "d")) {
            assertThat(check(r1, quiet).path("reuploads").isMissingNode() || check(r1, quiet).path("reuploads").isNull()
                    || check(r1, quiet).path("reuploads").isEmpty()).isTrue();
        }
        assertThat(r1.path("news").asBoolean()).isTrue();
        assertThat(one.err()).contains("--on-change exited 3");
        JsonNode hook = Json.MAPPER.readTree(hookOut.toFile());
        assertThat(hook.path("run").asText()).isEqualTo(r1.path("run").asText()).hasSize(64);
        assertThat(verdicts(hook)).isEqualTo(verdicts(r1));
        assertRechecked(dir, r1);

        site.aGone = false;
        Files.delete(hookOut);
        Cli two = Cli.run(home, null, "recheck", "--case", dir.toString(), "--hashes", mine.toString(), "--tsa", "local",
                "--parallel", "1", "--quiet", "--on-change", "cat > '" + hookOut + "'");   // the table this time
        assertThat(two.exit()).as(two.err()).isZero();
        JsonNode r2 = Json.MAPPER.readTree(hookOut.toFile());
        assertThat(two.out()).contains("VERDICT").containsPattern("back +captures/\\d{4} +captures/\\d{4} +"
                        + java.util.regex.Pattern.quote(site.url("a")))
                .containsPattern("RE-UPLOAD  captures/\\d{4}/resources/[0-9a-f]{64}\\.jpg  pdq distance \\d+  "
                        + java.util.regex.Pattern.quote(site.url("img/c.jpg")) + "  matches .*victim\\.png")
                .contains("Timelines:").contains("came back: online again");
        assertThat(verdicts(r2)).containsOnly(Map.entry(site.url("a"), "back"), Map.entry(site.url("b"), "unchanged"),
                Map.entry(site.url("c"), "unchanged"), Map.entry(site.url("d"), "unchanged"));
        assertThat(check(r2, "a").path("previous").asText()).isEqualTo(check(r1, "a").path("capture").asText());
        assertThat(check(r2, "c").path("reuploads")).hasSize(1);                 // still online: reported again
        assertThat(two.err()).contains("--on-change exited 0");
        assertRechecked(dir, r2);

        Cli timeline = Cli.run(home, null, "timeline", "--case", dir.toString(), "--json");
        assertThat(timeline.exit()).as(timeline.err()).isZero();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (JsonNode t : Json.MAPPER.readTree(timeline.out()).path("timelines")) {
            lines.put(t.path("url").asText(), t.path("lines").findValuesAsText("what"));
        }
        assertThat(lines.get(site.url("a"))).hasSize(3);
        assertThat(lines.get(site.url("a")).get(0)).startsWith("first seen online (HTTP 200)");
        assertThat(lines.get(site.url("a")).get(1)).startsWith("went down: found gone (HTTP 410); last seen online");
        assertThat(lines.get(site.url("a")).get(2)).startsWith("came back: online again");
        assertThat(lines.get(site.url("d"))).containsExactly("first seen online (HTTP 200)",
                "checked: unchanged (HTTP 200, same text and media as captures/" + firstCapture(dir, site.url("d")) + ")",
                lines.get(site.url("d")).get(2));
        Cli back = Cli.run(home, null, "timeline", "--case", dir.toString(), "--online");
        assertThat(back.out()).contains(site.url("a")).contains(site.url("d")).contains("went down: found gone (HTTP 410)");
        Cli none = Cli.run(home, null, "timeline", "--case", dir.toString(), "--gone");
        assertThat(none.out()).isEmpty();

        killedRecheckResumes(dir, mine);

        Path bundles = Files.createDirectories(tmp.resolve("bundles"));
        Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", "local", "-o", bundles.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        Path bundle;
        try (Stream<Path> files = Files.list(bundles)) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Cli verify = Cli.run(home, null, "verify", bundle.toString());
        assertThat(verify.exit()).as(verify.out()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("VERIFIED").contains("PASS custody-log");
        String report = Files.readString(dir.resolve("data/report/report.html"));
        assertThat(report).contains("Timelines").contains("went down: found gone (HTTP 410)").contains("came back");
    }

    /** A recheck in a JVM of its own killed with SIGKILL after its first capture; the same command resumes it. */
    private void killedRecheckResumes(Path dir, Path mine) throws Exception {
        int before = BatchFixture.finished(dir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dexhibit.home=" + home, "org.exhibit.tools.Exhibit"));
        cmd.addAll(recheckArgs(dir, mine));
        Path log = tmp.resolve("killed.log");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (child.isAlive() && BatchFixture.finished(dir) < before + 1) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive()).as("the recheck was still running when killed: " + Files.readString(log)).isTrue();
        } finally {
            List<ProcessHandle> started = child.descendants().toList();
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
            started.forEach(ProcessHandle::destroyForcibly);
        }
        int killedAt = BatchFixture.finished(dir);
        assertThat(killedAt).isBetween(before + 1, before + 3);
        Cli resumed = Cli.run(home, null, recheckArgs(dir, mine).toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode r = Json.MAPPER.readTree(resumed.out());
        assertThat(verdicts(r).values()).containsExactly("unchanged", "unchanged", "unchanged", "unchanged");
        assertThat(BatchFixture.finished(dir)).as("each URL captured once by the killed and resumed run")
                .isEqualTo(before + 4);
        assertRechecked(dir, r);
    }

    /** The log is intact; each check of the run is one rechecked line on its new capture, with its verdict. */
    private static void assertRechecked(Path dir, JsonNode run) throws Exception {
        CustodyLog log = new CustodyLog(dir.resolve("custody/events.jsonl"));
        assertThat(log.verify().intact()).as(log.verify().summary()).isTrue();
        List<CustodyEvent> lines = log.events().stream().filter(e -> e.action().equals(CustodyEvent.RECHECKED))
                .filter(e -> run.path("run").asText().equals(e.details().get("run"))).toList();
        assertThat(lines).hasSize(4);
        for (JsonNode c : run.path("checks")) {
            CustodyEvent e = lines.stream().filter(l -> l.subject().equals(c.path("capture").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no rechecked line for " + c));
            assertThat(e.details().get("verdict")).isEqualTo(c.path("verdict").asText());
            assertThat(e.details().get("url")).isEqualTo(c.path("url").asText());
            assertThat(e.details().get("previous")).isEqualTo(c.path("previous").asText());
        }
    }

    private static String firstCapture(Path dir, String url) throws Exception {
        try (Stream<Path> dirs = Files.list(dir.resolve("data/captures"))) {
            for (Path d : dirs.sorted().toList()) {
                if (Json.MAPPER.readTree(d.resolve("capture.json").toFile()).path("requestedUrl").asText().equals(url)) {
                    return d.getFileName().toString();
                }
            }
        }
        throw new AssertionError("no capture of " + url);
    }

    private static Cli recheck(Path dir, Path mine, String... more) {
        List<String> args = recheckArgs(dir, mine);
        args.addAll(List.of(more));
        return Cli.run(home, null, args.toArray(String[]::new));
    }

    private static List<String> recheckArgs(Path dir, Path mine) {
        return new ArrayList<>(List.of("recheck", "--case", dir.toString(), "--hashes", mine.toString(), "--tsa", "local",
                "--parallel", "1", "--attempts", "1", "--json", "--quiet"));
    }

    private static Map<String, String> verdicts(JsonNode run) {
        Map<String, String> out = new LinkedHashMap<>();
        run.path("checks").forEach(c -> out.put(c.path("url").asText(), c.path("verdict").asText()));
        return out;
    }

    private static JsonNode check(JsonNode run, String page) {
        for (JsonNode c : run.path("checks")) {
            if (c.path("url").asText().equals(site.url(page))) {
                return c;
            }
        }
        throw new AssertionError("no check of " + page + " in " + run);
    }
}
