package org.exhibit.capture.batch;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar redrawn in place on a terminal: done, failed, remaining, rate and time left.
 * Use it only when stderr is a terminal ({@code System.console() != null}); otherwise {@link ProgressLines}.
 */
public final class ProgressBar implements BatchListener {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final Tally tally = new Tally();
    private long lastDraw;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void planned(int total, int alreadyDone) {
        tally.planned(total, alreadyDone);
        draw(true);
    }

    @Override
    public synchronized void started(LinkEntry entry, int attempt) {
        draw(false);
    }

    @Override
    public synchronized void retrying(LinkEntry entry, int nextAttempt, Duration pause, String reason) {
        clear();
        out.println("line " + entry.line() + ": " + reason + "; try " + nextAttempt + " in " + Tally.duration(pause));
        draw(true);
    }

    @Override
    public synchronized void finished(UrlResult result) {
        tally.finished(result);
        if (result.failed()) {
            clear();
            out.println("line " + result.line() + ": failed: " + result.url()
                    + (result.warnings().isEmpty() ? "" : " (" + result.warnings().get(0) + ")"));
        }
        draw(true);
    }

    @Override
    public synchronized void stopping(int running) {
        clear();
        out.println("stopping: no new captures; waiting for the " + running + " running to finish");
        draw(true);
    }

    @Override
    public synchronized void ended(BatchResult result) {
        draw(true);
        out.println();
    }

    private void clear() {
        out.print("\r\033[K");
    }

    private void draw(boolean now) {
        long t = System.nanoTime();
        if (!now && t - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = t;
        int filled = tally.total() == 0 ? WIDTH : (int) ((long) WIDTH * tally.done() / tally.total());
        clear();
        out.print("[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + tally.line());
        out.flush();
    }
}
