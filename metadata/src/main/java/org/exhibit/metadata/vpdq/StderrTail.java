package org.exhibit.metadata.vpdq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a child process's standard error on a thread of its own, so that a chatty decoder never blocks on a
 * full pipe, and keeps its last lines for the error message.
 */
final class StderrTail {
    private static final int KEPT = 5;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    StderrTail(InputStream stderr, String tool) {
        thread = new Thread(() -> drain(stderr), tool + " stderr");
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream stderr) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    synchronized (lines) {
                        if (lines.size() == KEPT) {
                            lines.removeFirst();
                        }
                        lines.addLast(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is what there is
        }
    }

    /** The last line the tool wrote, after it has exited; "" when it wrote none. */
    String lastLine() throws InterruptedException {
        thread.join(5_000);
        synchronized (lines) {
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }
}
