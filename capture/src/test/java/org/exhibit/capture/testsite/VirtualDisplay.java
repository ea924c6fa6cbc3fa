package org.exhibit.capture.testsite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An X server without a screen (Xvfb) for tests that show a visible browser; it picks a free display itself. */
public final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts Xvfb; fails with a message naming the package when it is not installed. */
    public static VirtualDisplay start() throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin/Xvfb");
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("Xvfb not found at " + exe + ": install it with 'apt-get install -y xvfb' "
                    + "(bin/setup does)");
        }
        Process p = new ProcessBuilder(exe.toString(), "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1400x1000x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = line.get(20, TimeUnit.SECONDS);
            if (n == null || n.isBlank()) {
                throw new IllegalStateException("Xvfb did not report a display number");
            }
            return new VirtualDisplay(p, ":" + n.strip());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start within 20 s: " + e, e);
        }
    }

    /** The {@code DISPLAY} value, for example {@code :99}. */
    public String display() {
        return display;
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
