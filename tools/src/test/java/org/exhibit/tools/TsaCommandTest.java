package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibit.integrity.timestamp.StampedToken;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TsaCommandTest {
    @TempDir
    Path dir;

    @Test
    void tsaServePrintsItsUrlAndChainAndAnswersUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Exhibit.commandLine();
        cl.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(cl.execute("tsa", "serve", "--dir", dir.resolve("tsa").toString())));
        serve.start();
        Matcher url = Pattern.compile("TSA: +(http://127\\.0\\.0\\.1:\\d+/tsr)").matcher("");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!url.reset(out.toString()).find() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).contains("TSA:").contains("chain: " + dir.resolve("tsa/tsa-chain.pem"));

        TrustAnchors anchors = TrustAnchors.fromPem(dir.resolve("tsa/root.pem"));
        StampedToken token = new Timestamper(List.of(TsaEndpoint.of(url.group(1))), anchors)
                .stamp(MessageDigest.getInstance("SHA-256").digest("evidence".getBytes()));
        assertThat(token.trusted()).isTrue();
        assertThat(token.tsa().url()).isEqualTo(URI.create(url.group(1)));

        serve.interrupt();
        serve.join(10_000);
        assertThat(serve.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCode.OK);
    }

    @Test
    void tsaLocalStartsAnInProcessTsaAndStopsItOnClose() throws Exception {
        TsaOptions options = new TsaOptions();
        new CommandLine(options).parseArgs("--tsa", "local", "--tsa", "http://127.0.0.1:9/tsr");
        URI local;
        try (TsaOptions.Session session = options.open(dir)) {
            assertThat(session.endpoints()).extracting(TsaEndpoint::name).containsExactly("local", "127.0.0.1-9");
            assertThat(session.local()).isPresent();
            local = session.endpoints().get(0).url();
            StampedToken token = session.timestamper(TrustAnchors.none())
                    .stamp(MessageDigest.getInstance("SHA-256").digest("item".getBytes()));
            assertThat(token.tsa().name()).isEqualTo("local");
            assertThat(token.trusted()).isTrue();
        }
        assertThat(Files.exists(dir.resolve("tsa/tsa.p12"))).isTrue();
        Timestamper afterClose = new Timestamper(List.of(TsaEndpoint.local(local)), TrustAnchors.none(),
                Duration.ofSeconds(2), Duration.ofSeconds(2), 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> afterClose.stamp(new byte[32]))
                .hasMessageContaining("cannot reach");
    }

    @Test
    void withoutTsaOptionTheConfiguredPublicTsasAreUsed() throws Exception {
        TsaOptions options = new TsaOptions();
        new CommandLine(options).parseArgs();
        try (TsaOptions.Session session = options.open(dir)) {
            assertThat(session.endpoints()).isEqualTo(TsaEndpoint.defaults()).isNotEmpty();
            assertThat(session.local()).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("tsa"))).isFalse();
    }

    @Test
    void aTsaThatIsNotAUrlIsRefusedNamingTheValue() {
        TsaOptions options = new TsaOptions();
        new CommandLine(options).parseArgs("--tsa", "ftp://example/tsa");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> options.open(dir))
                .isInstanceOf(UsageException.class)
                .hasMessage("--tsa: expected a TSA URL (http://host/path) or 'local', got ftp://example/tsa");
    }
}
