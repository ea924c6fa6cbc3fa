package org.exhibit.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code --on-change CMD}: runs {@code /bin/sh -c CMD} with the recheck's JSON summary on its stdin. Whatever it
 * does, the recheck goes on: its exit status (or why it could not run) is reported, never thrown.
 */
final class OnChange {
    /** How long the command may run. */
    static final long TIMEOUT_SECONDS = 300;

    private OnChange() {
    }

    /** Runs {@code command} and returns a line saying how it ended; its output goes to {@code out}. */
    static String run(String command, byte[] summary, java.io.PrintWriter out) {
        Process p;
        try {
            p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "--on-change could not start /bin/sh: " + e.getMessage();
        }
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(summary);
            } catch (IOException e) {
                // the command did not read its stdin: that is its business
            }
        }, "exhibit-on-change");
        feeder.setDaemon(true);
        feeder.start();
        Thread reader = new Thread(() -> {
            try {
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                        .forEach(l -> out.println("on-change: " + l));
            } catch (IOException e) {
                // its output is lost, its exit status is not
            }
        }, "exhibit-on-change-out");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return "--on-change did not end within " + TIMEOUT_SECONDS + " s and was stopped: " + command;
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "--on-change was interrupted: " + command;
        }
        out.flush();
        return "--on-change exited " + p.exitValue() + ": " + command;
    }
}
