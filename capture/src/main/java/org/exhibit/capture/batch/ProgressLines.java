package org.exhibit.capture.batch;

import java.io.PrintStream;
import java.time.Duration;

/** Progress as plain lines, one per finished URL, for logs and pipes (when stderr is not a terminal). */
public final class ProgressLines implements BatchListener {
    private final PrintStream out;
    private final Tally tally = new Tally();

    public ProgressLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void planned(int total, int alreadyDone) {
        tally.planned(total, alreadyDone);
        out.println("batch: " + total + " URLs" + (alreadyDone > 0 ? ", " + alreadyDone + " already captured by an earlier run" : ""));
    }

    @Override
    public synchronized void retrying(LinkEntry entry, int nextAttempt, Duration pause, String reason) {
        out.println("line " + entry.line() + ": " + reason + "; try " + nextAttempt + " in " + Tally.duration(pause));
    }

    @Override
    public synchronized void finished(UrlResult r) {
        tally.finished(r);
        out.println("[" + tally.done() + "/" + tally.total() + "] line " + r.line() + " " + r.outcome()
                + (r.captureId() == null ? "" : " " + r.captureId()) + " " + r.url()
                + (r.status() == null ? "" : " " + r.status()) + " (" + Tally.duration(r.time()) + ")"
                + (r.failed() && !r.warnings().isEmpty() ? ": " + r.warnings().get(0) : ""));
    }

    @Override
    public synchronized void stopping(int running) {
        out.println("stopping: no new captures; waiting for the " + running + " running to finish");
    }

    @Override
    public synchronized void ended(BatchResult result) {
        out.println("batch: " + tally.line());
    }
}
