package org.exhibit.capture.batch;

import java.time.Duration;

/** Counts for progress reports: done, failed, remaining, rate in this run and the time left at that rate. */
final class Tally {
    private int total;
    private int done;
    private int failed;
    private int doneThisRun;
    private long start = System.nanoTime();

    void planned(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.start = System.nanoTime();
    }

    void finished(UrlResult r) {
        done++;
        doneThisRun++;
        if (r.failed()) {
            failed++;
        }
    }

    int total() {
        return total;
    }

    int done() {
        return done;
    }

    /** "57/200 done, 3 failed, 143 left, 12.4/min, about 11m32s to go". */
    String line() {
        double minutes = (System.nanoTime() - start) / 60e9;
        double rate = minutes > 0 ? doneThisRun / minutes : 0;
        int left = total - done;
        String eta = rate > 0 && left > 0 ? ", about " + duration(Duration.ofSeconds((long) (left / rate * 60))) + " to go" : "";
        return done + "/" + total + " done, " + failed + " failed, " + left + " left"
                + (doneThisRun > 0 ? String.format(", %.1f/min", rate) : "") + eta;
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return d.toMillis() < 10_000 ? String.format("%.1fs", d.toMillis() / 1000.0) : s + "s";
        }
        return s < 3600 ? (s / 60) + "m" + String.format("%02ds", s % 60) : (s / 3600) + "h" + String.format("%02dm", s / 60 % 60);
    }
}
