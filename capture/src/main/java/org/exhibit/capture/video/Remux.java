package org.exhibit.capture.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs ffmpeg to join or remux (never re-encode); a failure says what it was doing and ffmpeg's last words. */
final class Remux {
    private static final long TIMEOUT_MINUTES = 10;

    private Remux() {
    }

    static void run(List<String> command, Path dir, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        // ffmpeg's output is read beside the wait, so that a hung ffmpeg meets the timeout instead of a read that
        // would only end with it
        CompletableFuture<byte[]> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                output.complete(p.getInputStream().readAllBytes());
            } catch (IOException e) {
                output.complete(new byte[0]);
            }
        }, "ffmpeg-output");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(what + ": ffmpeg did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        byte[] out = output.join();
        if (p.exitValue() != 0) {
            String text = new String(out, StandardCharsets.UTF_8).strip();
            String last = text.isEmpty() ? "exit " + p.exitValue() : text.lines().reduce((x, y) -> y).orElse("");
            throw new IOException(what + ": ffmpeg failed: " + last);
        }
    }
}
