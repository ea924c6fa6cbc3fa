package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.custody.CustodyLog;

/** Shared steps of the batch tests: a case, the capture command line, and what a finished batch must show. */
final class BatchFixture {
    private BatchFixture() {
    }

    static void requireChromium() {
        for (String exe : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            if (!Files.isExecutable(Path.of(exe))) {
                fail(exe + " is missing: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
            }
        }
    }

    static Path newCase(Path home, Path dir) {
        Cli init = Cli.run(home, null, "case", "init", dir.toString(), "--id", "batch-" + dir.getFileName());
        assertThat(init.exit()).as(init.err()).isZero();
        return dir;
    }

    static String[] captureArgs(Path dir, Path links, String... more) {
        List<String> args = new ArrayList<>(List.of("capture", "--case", dir.toString(), "--urls", links.toString(),
                "--tsa", "local", "--attempts", "2", "--retry-pause", "0.2", "--json", "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Requested URL to "outcome status finalUrl" of every complete capture record in the case. */
    static Map<String, String> captures(Path caseDir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(caseDir.resolve("data/captures"))) {
            for (Path d : dirs.sorted().toList()) {
                Path rec = d.resolve("capture.json");
                assertThat(rec).as("every capture folder holds its record").isRegularFile();
                JsonNode r = Json.MAPPER.readTree(rec.toFile());
                String url = r.path("requestedUrl").asText();
                assertThat(all).as("captured twice: " + url).doesNotContainKey(url);
                assertThat(r.path("notes").path("platform").asText()).isEqualTo("test-site");
                assertThat(r.path("notes").path("batch").asText()).hasSize(64);
                String outcome = r.path("outcome").asText();
                all.put(url, outcome + " " + r.path("mainDocument").path("status").asText("-") + " "
                        + (outcome.equals("failed") ? "-" : r.path("finalUrl").asText("-").replaceAll("^http://127.0.0.1:\\d+", "")));
            }
        }
        return all;
    }

    /** The log is intact and has exactly one {@code captured} event per capture folder. */
    static void assertCustody(Path caseDir, int captures) throws IOException {
        CustodyLog log = new CustodyLog(caseDir.resolve("custody/events.jsonl"));
        assertThat(log.verify().intact()).as(log.verify().summary()).isTrue();
        List<String> subjects = log.events().stream().filter(e -> e.action().equals(CustodyEvent.CAPTURED))
                .map(CustodyEvent::subject).toList();
        assertThat(subjects).doesNotHaveDuplicates().hasSize(captures);
    }

    /** What {@link #captures} must show for these links: the same whether run at once, resumed or on a Grid. */
    static Map<String, String> expected(Map<String, String> kinds) {
        Map<String, String> all = new TreeMap<>();
        kinds.forEach((url, kind) -> {
            String path = url.replaceAll("^http://127.0.0.1:\\d+", "");
            all.put(url, switch (kind) {
                case "fast", "slow" -> "complete 200 " + path;
                case "redirect" -> "complete 200 " + path.replace("/redirect/", "/fast/r");
                case "missing" -> "complete 404 " + path;
                case "error" -> "complete 500 " + path;
                default -> "failed - -";
            });
        });
        return all;
    }

    static void assertStatus(String kind, JsonNode u) {
        switch (kind) {
            case "fast", "slow" -> assertThat(u.path("status").asInt()).isEqualTo(200);
            case "redirect" -> {
                assertThat(u.path("status").asInt()).isEqualTo(200);
                assertThat(u.path("finalUrl").asText()).contains("/fast/r");
            }
            case "missing" -> assertThat(u.path("status").asInt()).isEqualTo(404);
            case "error" -> assertThat(u.path("status").asInt()).isEqualTo(500);
            case "refused" -> {
                assertThat(u.hasNonNull("status")).as("no status for a refused connection").isFalse();
                assertThat(u.path("attempts").asInt()).isEqualTo(2);
            }
            default -> fail("unknown kind " + kind);
        }
    }

    /** Capture folders with their record. */
    static int finished(Path caseDir) throws IOException {
        Path captures = caseDir.resolve("data/captures");
        if (!Files.isDirectory(captures)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(captures)) {
            return (int) dirs.filter(d -> Files.isRegularFile(d.resolve("capture.json"))).count();
        }
    }
}
