package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.TsaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two independent TSAs (two keys, two ports) given as two {@code --tsa}: ingest with one down, {@code stamp} fills
 * the gap, {@code seal} and {@code verify --strict}; then {@code renew} reports, renews the timestamp with one TSA
 * and the hash tree with the other, and the twice-renewed bundle verifies strictly a year on ({@code --at}).
 */
class RenewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void everyTsaStampsAndARenewedBundleVerifies() throws Exception {
        Path home = tmp.resolve("home");
        Path dir = tmp.resolve("cases/2026-017");
        LocalTsa a = LocalTsa.open(tmp.resolve("tsa-a"));
        LocalTsa b = LocalTsa.open(tmp.resolve("tsa-b"));
        TsaServer serverA = TsaServer.start(a, 0);
        TsaServer serverB = TsaServer.start(b, 0);
        int portB = serverB.url().getPort();
        String urlA = serverA.url().toString();
        String urlB = serverB.url().toString();
        try {
            assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
            assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-017").exit()).isZero();
            Path chat = Files.writeString(tmp.resolve("chat.txt"), "you will regret this\n");
            Cli first = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", urlA, "--tsa", urlB,
                    chat.toString());
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("timestamped by 127.0.0.1-" + serverA.url().getPort() + " at ",
                    ", 127.0.0.1-" + portB + " at ");

            serverB.close();
            Path mail = Files.writeString(tmp.resolve("mail.txt"), "I will post them again\n");
            Cli second = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", urlA, "--tsa", urlB,
                    mail.toString());
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).contains("a TSA's timestamp PENDING");
            assertThat(second.err()).contains("timestamp pending from a TSA", "127.0.0.1-" + portB);
            assertThat(dir.resolve("data/files/0002/item.json.127.0.0.1-" + portB + ".tsr")).doesNotExist();
            // the record has A's token: only B's is listed as awaited
            Cli waiting = Cli.run(home, null, "case", "check", dir.toString());
            assertThat(waiting.out()).contains("data/files/0002/item.json: timestamp pending from 127.0.0.1-" + portB
                    + " (run").doesNotContain("data/files/0001/item.json");

            serverB = TsaServer.start(b, portB);
            Cli stamp = Cli.run(home, null, "stamp", "--case", dir.toString(), "--tsa", urlA, "--tsa", urlB);
            assertThat(stamp.exit()).as(stamp.err()).isZero();
            assertThat(stamp.out()).contains("data/files/0002/item.json  timestamped by 127.0.0.1-" + portB)
                    .doesNotContain("0001");
            assertThat(dir.resolve("data/files/0002/item.json.127.0.0.1-" + portB + ".tsr")).exists();

            Path out = Files.createDirectories(tmp.resolve("out"));
            Cli seal = Cli.run(home, "pw", "seal", "--case", dir.toString(), "--tsa", urlA, "--tsa", urlB, "-o",
                    out.toString());
            assertThat(seal.exit()).as(seal.err()).isZero();
            Path bundle;
            try (Stream<Path> files = Files.list(out)) {
                bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
            }
            String[] trust = {"--trust", home.resolve("identity.pem").toString(), "--trust", a.rootPem().toString(),
                    "--trust", b.rootPem().toString()};
            Cli verify = verify(bundle, trust);
            assertThat(verify.exit()).as(verify.out()).isZero();
            assertThat(verify.out()).contains("custody/manifest.json.127.0.0.1-" + portB + ".tsr: valid",
                    "evidence-record.ers: hash tree 1 (SHA-256) covers all", " 0 warnings;");

            Cli report = Cli.run(home, null, "renew", bundle.toString());
            assertThat(report.exit()).as(report.err()).isZero();
            assertThat(report.out()).contains("archive timestamp 1 (hash tree 1, SHA-256): ",
                    "timestamp renewal due before ", "to renew: exhibit renew ");

            Path once = tmp.resolve("renewed-once.zip");
            Cli renew = Cli.run(home, null, "renew", bundle.toString(), "--tsa", urlB, "-o", once.toString());
            assertThat(renew.exit()).as(renew.err()).isZero();
            assertThat(renew.out()).contains(once.toString(), "timestamp renewal: archive timestamp 2 at ");
            Path twice = tmp.resolve("renewed-twice.zip");
            renew = Cli.run(home, null, "renew", once.toString(), "--tsa", urlA, "--hash-tree", "sha512", "-o",
                    twice.toString());
            assertThat(renew.exit()).as(renew.err()).isZero();
            assertThat(renew.out()).contains("hash-tree renewal (SHA-512): archive timestamp 3 at ");
            Cli again = Cli.run(home, null, "renew", once.toString(), "--tsa", urlA, "-o", twice.toString());
            assertThat(again.exit()).isEqualTo(ExitCode.FAILED);
            assertThat(again.err()).contains(twice + ": exists");

            String later = Instant.now().plus(Duration.ofDays(365)).toString();
            String[] args = Stream.concat(Stream.of("verify", twice.toString(), "--strict", "--at", later),
                    Stream.of(trust)).toArray(String[]::new);
            Cli renewed = Cli.run(home, null, args);
            assertThat(renewed.exit()).as(renewed.out()).isZero();
            assertThat(renewed.out()).contains("hash tree 2 (SHA-512) covers all", "archive timestamp 3 (chain 2, "
                    + "SHA-512)", "valid at " + later + " (validation time)", " 0 warnings;");

            Cli bad = Cli.run(home, null, "renew", bundle.toString(), "--tsa", urlA, "--hash-tree", "md5");
            assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(bad.err()).contains("--hash-tree: expected sha512 or sha384, got md5");
        } finally {
            serverA.close();
            serverB.close();
        }
    }

    private Cli verify(Path bundle, String... trust) {
        String[] args = Stream.concat(Stream.of("verify", bundle.toString(), "--strict"), Stream.of(trust))
                .toArray(String[]::new);
        return Cli.run(tmp.resolve("home"), null, args);
    }
}
