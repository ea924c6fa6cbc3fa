package org.exhibit.capture;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netpreserve.jwarc.WarcReader;

/**
 * jwarc's own WARC validator, run as a person would run it: {@code java -jar jwarc.jar validate FILE...} (WARC 1.1
 * header grammar, block and payload digests, HTTP Content-Length). Its {@code main} ends in {@code System.exit}, so
 * it runs in a child JVM on the jwarc jar of this build's class path.
 *
 * @param exitCode 0 when every file validated, 1 otherwise
 * @param output   what it printed: for each record that failed, where it is and why
 */
record JwarcValidate(int exitCode, String output) {

    static JwarcValidate run(List<Path> warcs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jwarcJar().toString(), "validate"));
        warcs.forEach(w -> command.add(w.toString()));
        Path log = Files.createTempFile("jwarc-validate-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("jwarc validate did not end within 2 minutes: " + command);
            }
            return new JwarcValidate(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path jwarcJar() {
        try {
            return Path.of(WarcReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("cannot locate the jwarc jar", e);
        }
    }
}
