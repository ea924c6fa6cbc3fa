package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCommandsTest {
    @TempDir
    Path tmp;
    Path home;
    Path dir;

    @BeforeEach
    void identity() {
        home = tmp.resolve("home");
        dir = tmp.resolve("cases/2026-017");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isEqualTo(0);
    }

    private static String closedPortUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/tsr";
        }
    }

    @Test
    void caseInitCreatesTheWorkspaceAndRefusesBadIdsAndBusyDirectories() throws Exception {
        Cli init = Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017", "--title", "Reposts of J.D.");
        assertThat(init.exit()).as(init.err()).isEqualTo(0);
        assertThat(init.out()).startsWith("Case 2026-017 opened in " + dir.toAbsolutePath());
        assertThat(dir.resolve("case.json")).exists();
        assertThat(dir.resolve("custody/events.jsonl")).exists();

        Cli again = Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017");
        assertThat(again.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("(already a case)");

        Cli badId = Cli.run(home, null, "case", "init", tmp.resolve("x").toString(), "--id", "../etc");
        assertThat(badId.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badId.err()).contains("--id: expected a case id of 1-64 letters, digits, '.', '_' or '-', got \"../etc\"");
        assertThat(tmp.resolve("x")).doesNotExist();

        Cli noIdentity = Cli.run(tmp.resolve("nobody"), null, "case", "init", tmp.resolve("y").toString(), "--id", "y");
        assertThat(noIdentity.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noIdentity.err()).contains("no identity in " + tmp.resolve("nobody"));
    }

    @Test
    void ingestCopiesTimestampsAndNamesTheFileThatIsMissing() throws Exception {
        Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017");
        Path chat = Files.writeString(tmp.resolve("chat.txt"), "message log\n");
        Path shot = Files.write(tmp.resolve("shot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13,
                'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local",
                chat.toString(), tmp.resolve("missing.jpg").toString(), shot.toString());

        assertThat(ingest.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(ingest.err()).contains("exhibit: " + tmp.resolve("missing.jpg") + ": no such file",
                "exhibit: 1 of 3 files not ingested");
        assertThat(ingest.out().lines()).hasSize(2);
        assertThat(ingest.out()).contains("files/0001  chat.txt  text/plain  12 bytes", "timestamped by local at ",
                "files/0002  shot.png  image/png");
        assertThat(dir.resolve("data/files/0001/item.json.local.tsr")).exists();
        assertThat(dir.resolve("data/files/0002/item.json.local.tsr")).exists();
        assertThat(Files.readString(dir.resolve("data/files/0001/chat.txt"))).isEqualTo("message log\n");

        Cli check = Cli.run(home, null, "case", "check", dir.toString());
        assertThat(check.exit()).isEqualTo(0);
        assertThat(check.out()).startsWith("custody/events.jsonl: intact: 5 lines, head ");
    }

    @Test
    void unreachableTsaLeavesAPendingStampThatStampCompletes() throws Exception {
        Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017");
        Path chat = Files.writeString(tmp.resolve("chat.txt"), "threat\n");
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", closedPortUrl(), chat.toString());
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(0);
        assertThat(ingest.out()).contains("files/0001  chat.txt", "timestamp PENDING");
        assertThat(ingest.err()).contains("exhibit: warning: files/0001: timestamp pending (no valid timestamp after",
                "run `exhibit stamp --case DIR`");

        Cli check = Cli.run(home, null, "case", "check", dir.toString());
        assertThat(check.out()).contains("data/files/0001/item.json: timestamp pending from 127.0.0.1-");

        Cli stillDown = Cli.run(home, null, "stamp", "--case", dir.toString(), "--tsa", closedPortUrl());
        assertThat(stillDown.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(stillDown.err()).contains("1 of 1 timestamps still pending");

        Cli stamp = Cli.run(home, null, "stamp", "--case", dir.toString(), "--tsa", "local");
        assertThat(stamp.exit()).as(stamp.err()).isEqualTo(0);
        assertThat(stamp.out()).startsWith("data/files/0001/item.json  timestamped by local at ");
        assertThat(dir.resolve("data/files/0001/item.json.local.tsr")).exists();

        Cli nothing = Cli.run(home, null, "stamp", "--case", dir.toString(), "--tsa", "local");
        assertThat(nothing.exit()).isEqualTo(0);
        assertThat(nothing.out()).startsWith("no pending timestamps in ");
    }

    @Test
    void ingestIntoADirectoryThatIsNotACaseIsAUsageError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "a");
        Cli ingest = Cli.run(home, null, "ingest", "--case", tmp.toString(), "--tsa", "local", file.toString());
        assertThat(ingest.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(ingest.err()).isEqualTo("exhibit: " + tmp + " is not an Exhibit case (no case.json): "
                + "run `exhibit case init DIR --id CASE-ID` first" + System.lineSeparator());
    }

    @Test
    void quietSilencesWarningsButNotPendingStamps() throws Exception {
        Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017");
        Path odd = Files.writeString(tmp.resolve("a:b.txt"), "x\n");
        Cli loud = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", odd.toString());
        assertThat(loud.err()).contains("warning: files/0001: stored as \"a_b.txt\"");
        Cli quiet = Cli.run(home, null, "ingest", "--quiet", "--case", dir.toString(), "--tsa", "local", odd.toString());
        assertThat(quiet.exit()).isEqualTo(0);
        assertThat(quiet.err()).doesNotContain("stored as");
    }
}
