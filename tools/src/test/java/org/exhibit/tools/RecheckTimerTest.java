package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exhibit recheck --install-timer}: prints the units and the cron line of the same command; installs nothing. */
class RecheckTimerTest {
    @TempDir
    Path tmp;

    @Test
    void printsASystemdServiceAndTimerAndACronLineForTheSameCommandWithoutTheOption() {
        Path home = tmp.resolve("home");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        Path dir = BatchFixture.newCase(home, tmp.resolve("2026-017"));
        Cli run = Cli.run(home, null, "recheck", "--case", dir.toString(), "--hashes", "my photos.csv",
                "--install-timer", "6h", "--tsa", "local", "--on-change", "notify-send 'it changed'");
        assertThat(run.exit()).as(run.err()).isZero();
        String text = run.out();
        assertThat(text).contains("# ~/.config/systemd/user/exhibit-recheck-2026-017.service")
                .contains("# ~/.config/systemd/user/exhibit-recheck-2026-017.timer")
                .contains("Type=oneshot").contains("OnUnitActiveSec=360min").contains("WantedBy=timers.target")
                .contains("Environment=EXHIBIT_HOME=" + home.toAbsolutePath())
                .contains("WorkingDirectory=" + Path.of("").toAbsolutePath())
                .doesNotContain("--install-timer").doesNotContain("6h --tsa");
        String exec = text.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertThat(exec).contains(" recheck --case " + dir + " --hashes \"my photos.csv\" --tsa local --on-change "
                + "\"notify-send 'it changed'\"");
        String cron = text.lines().filter(l -> l.startsWith("0 */6 * * * ")).findFirst().orElseThrow();
        assertThat(cron).contains(" recheck --case " + dir + " --hashes 'my photos.csv' --tsa local --on-change "
                + "'notify-send '\\''it changed'\\'''").contains("EXHIBIT_HOME=");
        assertThat(dir.resolve("data/captures")).isEmptyDirectory();
    }

    @Test
    void anIntervalCronCannotKeepOrAFolderThatIsNoCaseIsRefusedWithItsValue() {
        Path home = tmp.resolve("home");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        Path dir = BatchFixture.newCase(home, tmp.resolve("c"));
        Cli seven = Cli.run(home, null, "recheck", "--case", dir.toString(), "--install-timer", "7h");
        assertThat(seven.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(seven.err()).contains("cron cannot run every 7h");
        Cli bad = Cli.run(home, null, "recheck", "--case", dir.toString(), "--install-timer", "often");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("expected an interval like 30m, 6h or 1d, got \"often\"");
        Cli none = Cli.run(home, null, "recheck", "--case", tmp.resolve("nowhere").toString(), "--install-timer", "1d");
        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("nowhere");
        assertThat(Cli.run(home, null, "recheck", "--case", dir.toString(), "--install-timer", "15m").out())
                .contains("*/15 * * * * ");
    }

    @Test
    void helpNamesTheRecheckOptionsAndTheBatchAndCaptureOnesItShares() {
        Cli help = Cli.run(tmp.resolve("home"), null, "recheck", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--hashes=FILE").contains("--on-change=CMD").contains("--install-timer=INTERVAL")
                .contains("--threshold=BITS").contains("--urls=FILE").contains("--parallel=N").contains("--no-videos")
                .contains("--tsa").contains("gone (HTTP 404/410/451");
        Cli timeline = Cli.run(tmp.resolve("home"), null, "timeline", "--help");
        assertThat(timeline.out()).contains("--online").contains("--gone").contains("Contacts nothing");
    }
}
