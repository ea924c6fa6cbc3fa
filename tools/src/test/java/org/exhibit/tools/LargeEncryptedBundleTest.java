package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case holding one file of {@value #DEFAULT_GB} GiB (twice the heap, so only a streaming seal and verify pass;
 * the slow acceptance run is {@code -Dexhibit.crypt.large.gb=2}) is sealed encrypted and verified from the encrypted file, each by a child JVM with {@code -Xmx}
 * {@value #HEAP} measured by {@code /usr/bin/time -v}: the peak resident set size must stay under 256 MB.
 *
 * <pre>
 * mvn -o -q -B verify -pl tools -am -Dtest=LargeEncryptedBundleTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dexhibit.crypt.large.gb=2
 * </pre>
 */
class LargeEncryptedBundleTest {
    static final String PROPERTY = "exhibit.crypt.large.gb";
    static final String DEFAULT_GB = "0.25";
    static final String HEAP = "128m";
    static final long MAX_RSS_KB = 256 * 1024;

    @TempDir
    Path tmp;

    @Test
    void aLargeBundleIsSealedEncryptedAndVerifiedInBoundedMemory() throws Exception {
        // by default a bundle larger than the heap (so only streaming passes); the acceptance run sets 2
        String gb = System.getProperty(PROPERTY, DEFAULT_GB);
        assertThat(Path.of("/usr/bin/time")).as("/usr/bin/time (package time) measures the peak RSS; bin/setup "
                + "installs it").isExecutable();
        long size = (long) (Double.parseDouble(gb) * (1L << 30));
        Path home = tmp.resolve("home");
        Path caseDir = tmp.resolve("case");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", caseDir.toString(), "--id", "2026-099").exit()).isZero();
        Path video = tmp.resolve("recording.bin");
        try (OutputStream out = Files.newOutputStream(video)) {
            byte[] block = new byte[1 << 20];
            Random r = new Random(1);
            for (long done = 0; done < size; done += block.length) {
                r.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
        Cli ingest = Cli.run(home, "pw", "ingest", "--case", caseDir.toString(), "--tsa", "local", video.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Files.delete(video);
        Path out = Files.createDirectories(tmp.resolve("out"));

        Child seal = child(home, "seal", "--case", caseDir.toString(), "--tsa", "local", "-o", out.toString(),
                "--encrypt-to", home.resolve("identity.pem").toString());
        assertThat(seal.exit).as(seal.output).isZero();
        Path p7m;
        try (Stream<Path> files = Files.list(out)) {
            List<Path> all = files.toList();
            assertThat(all).as("only the encrypted bundle").hasSize(1);
            p7m = all.get(0);
        }
        assertThat(Files.size(p7m)).isGreaterThan(size);
        Child verify = child(home, "verify", p7m.toString());
        assertThat(verify.exit).as(verify.output).isZero();
        assertThat(verify.output).contains("VERIFIED ");
        System.out.printf("%s GiB bundle: seal --encrypt-to peak RSS %d MB in %.0f s, verify peak RSS %d MB in %.0f s"
                + " (-Xmx%s)%n", gb, seal.rssKb / 1024, seal.seconds, verify.rssKb / 1024, verify.seconds, HEAP);
        assertThat(seal.rssKb).as("seal peak RSS, kB").isLessThan(MAX_RSS_KB);
        assertThat(verify.rssKb).as("verify peak RSS, kB").isLessThan(MAX_RSS_KB);
    }

    private record Child(int exit, String output, long rssKb, double seconds) {
    }

    private static Child child(Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP,
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Exhibit.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(ExhibitHome.ENV, home.toString());
        pb.environment().put(Passphrase.ENV, "pw");
        long start = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher m = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return new Child(p.exitValue(), output, Long.parseLong(m.group(1)), seconds);
    }
}
