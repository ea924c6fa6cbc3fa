package org.exhibit.capture.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an investigator sees while a batch runs: a bar redrawn in place on a terminal, plain lines otherwise. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void barIsRedrawnInPlaceWithDoneFailedLeftRateAndTimeToGo() throws Exception {
        ProgressBar bar = new ProgressBar(out);
        bar.planned(8, 2);                                  // resumed: 2 were done before
        Thread.sleep(50);
        bar.finished(result(3, "complete"));
        bar.finished(result(4, "failed"));
        String shown = bytes.toString(StandardCharsets.UTF_8);

        String last = shown.substring(shown.lastIndexOf("\r\033[K") + 4);
        assertThat(last).matches("\\[#{12}\\.{12}] 4/8 done, 1 failed, 4 left, [0-9.]+/min, about [0-9.hms]+ to go");
        assertThat(shown).contains("line 4: failed: http://127.0.0.1/4 (connection refused)\n");
        assertThat(shown).doesNotContain("line 3:");
        bar.ended(null);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\n");
    }

    @Test
    void plainLinesNameEachUrlWithItsOutcome() {
        ProgressLines lines = new ProgressLines(out);
        lines.planned(3, 0);
        lines.finished(result(1, "complete"));
        lines.finished(result(2, "failed"));
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\r").doesNotContain("\033");
        assertThat(shown.lines().filter(l -> l.contains("http://127.0.0.1/"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("line 1").contains("complete"))
                .anySatisfy(l -> assertThat(l).contains("line 2").contains("failed"));
    }

    private static UrlResult result(int line, String outcome) {
        boolean failed = outcome.equals("failed");
        return new UrlResult(line, "http://127.0.0.1/" + line, outcome, failed ? null : "000" + line,
                failed ? null : "http://127.0.0.1/" + line, failed ? null : 200, failed ? 0 : 6, Duration.ofSeconds(2),
                failed ? 2 : 1, false, failed ? List.of("connection refused") : List.of());
    }
}
