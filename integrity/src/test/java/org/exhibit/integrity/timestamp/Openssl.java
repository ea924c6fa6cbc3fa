package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real openssl; a missing openssl fails the test that needs it. */
final class Openssl {
    static final Path BINARY = Path.of("/usr/bin/openssl");

    record Result(int exit, String output) {
    }

    private Openssl() {
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail("openssl is required at " + BINARY + " as the independent second opinion, but it is missing");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs and fails the test when openssl exits non-zero. */
    static String ok(Path dir, String... args) throws IOException, InterruptedException {
        Result r = run(dir, args);
        assertThat(r.exit()).as("openssl %s exit status; output:%n%s", String.join(" ", args), r.output()).isZero();
        return r.output();
    }
}
