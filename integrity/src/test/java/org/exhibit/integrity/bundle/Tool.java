package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a standard tool (unzip, sha256sum, openssl, bash) as an independent second opinion; missing = failure. */
record Tool(int exitCode, String output) {
    static Tool run(Path dir, String... command) throws IOException, InterruptedException {
        require(command[0]);
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command[0] + " did not finish in 120 s");
        }
        return new Tool(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static void require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail(tool + " is not installed (expected on PATH): the bundle's independent verification needs it;"
                + " install it (apt-get install " + (tool.equals("sha256sum") ? "coreutils" : tool) + ")");
    }
}
