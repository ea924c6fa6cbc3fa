package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhibit.format.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same batch through a real Selenium Grid standalone gives the same captures as on this machine. */
class GridBatchTest {
    static final int SIZE = Integer.getInteger("exhibit.grid.size", 12);   // 12: every kind of link once at least

    @TempDir
    Path tmp;

    @Test
    void batchThroughSeleniumGridGivesTheSameCapturesAsLocally() throws Exception {
        BatchFixture.requireChromium();
        Path home = tmp.resolve("home");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        try (LinkSite site = new LinkSite(); SeleniumGrid grid = SeleniumGrid.start(tmp, 2)) {
            Map<String, String> kinds = new LinkedHashMap<>(site.links(SIZE));
            Path links = tmp.resolve("links.csv");
            Files.writeString(links, LinkSite.csv(kinds));

            Path local = BatchFixture.newCase(home, tmp.resolve("local"));
            Cli here = Cli.run(home, null, BatchFixture.captureArgs(local, links, "--parallel", "2"));
            Path remote = BatchFixture.newCase(home, tmp.resolve("grid"));
            Cli there = Cli.run(home, null, BatchFixture.captureArgs(remote, links, "--parallel", "2",
                    "--grid", grid.url().toString(), "--proxy-host", "127.0.0.1"));

            assertThat(there.err()).doesNotContain("Exception");
            assertThat(BatchFixture.captures(remote)).isEqualTo(BatchFixture.captures(local))
                    .isEqualTo(BatchFixture.expected(kinds));
            BatchFixture.assertCustody(remote, SIZE);
            JsonNode result = Json.MAPPER.readTree(there.out());
            assertThat(result.path("counts").path("failed").asLong()).isEqualTo(kinds.values().stream().filter("refused"::equals).count());
            Path someRecord = remote.resolve("data/captures/0001/capture.json");
            assertThat(Json.MAPPER.readTree(someRecord.toFile()).path("environment").path("browser").asText()).containsIgnoringCase("chrom");
            assertThat(here.exit()).isEqualTo(there.exit());
        }
    }
}
