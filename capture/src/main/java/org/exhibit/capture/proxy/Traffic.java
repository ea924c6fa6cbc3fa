package org.exhibit.capture.proxy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The table of exchanges, open and ended, and the idle clock that "wait until the network is idle" reads. */
final class Traffic {
    private final Set<OpenExchange> open = new LinkedHashSet<>();
    private final List<Exchange> ended = new ArrayList<>();
    private long lastChange = System.nanoTime();

    synchronized OpenExchange open(String method, String uri, Duration timeout) {
        OpenExchange ex = new OpenExchange(method, uri, timeout.toNanos());
        open.add(ex);
        lastChange = System.nanoTime();
        notifyAll();
        return ex;
    }

    synchronized void finish(OpenExchange ex, Exchange.Outcome outcome, String reason) {
        if (open.remove(ex)) {
            ended.add(ex.snapshot(outcome, reason, Instant.now()));
        }
        lastChange = System.nanoTime();
        notifyAll();
    }

    synchronized List<Exchange> snapshot() {
        List<Exchange> all = new ArrayList<>(ended);
        for (OpenExchange ex : open) {
            all.add(ex.snapshot(Exchange.Outcome.IN_FLIGHT, null, null));
        }
        all.sort(Comparator.comparing(Exchange::started));
        return List.copyOf(all);
    }

    synchronized int openCount() {
        return open.size();
    }

    /**
     * Waits until no exchange has been open, and none started or ended, for {@code quiet}, counted from the later of
     * the last change and this call: a page that was quiet before the call still gets {@code quiet} to start a late
     * request (a PDF viewer fetching its document from a timer after the load event). False if the network did not
     * go quiet within {@code max} (a long poll, a stream), so a never-ending request cannot hang the capture.
     */
    synchronized boolean awaitIdle(Duration quiet, Duration max) throws InterruptedException {
        return awaitIdle(quiet, max, null, new ArrayList<>());
    }

    /**
     * As {@link #awaitIdle(Duration, Duration)}, but an open exchange that has received nothing for {@code stall}
     * (a long poll waiting for news, a body that stopped coming) no longer keeps the network busy; those are added
     * to {@code stalled} when the wait ends quiet. With {@code stall} null, every open exchange keeps it busy.
     */
    synchronized boolean awaitIdle(Duration quiet, Duration max, Duration stall, List<String> stalled)
            throws InterruptedException {
        return awaitIdle(quiet, max, stall, stalled, System.nanoTime());
    }

    /**
     * As {@link #awaitIdle(Duration, Duration, Duration, List)}, but {@code quiet} is counted from the later of the
     * last change and {@code since} (a {@link System#nanoTime()} reading, earlier than this call or not) instead of
     * this call: a caller that did nothing to the page after {@code since} need not wait out again a quiet it has
     * already seen.
     */
    synchronized boolean awaitIdle(Duration quiet, Duration max, Duration stall, List<String> stalled, long since)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + max.toNanos();
        while (true) {
            long now = System.nanoTime();
            long quietUntil = (lastChange - since > 0 ? lastChange : since) + quiet.toNanos();
            List<OpenExchange> busy = new ArrayList<>();
            List<OpenExchange> silent = new ArrayList<>();
            for (OpenExchange ex : open) {
                (stall != null && now - ex.lastActivity() >= stall.toNanos() ? silent : busy).add(ex);
            }
            if (busy.isEmpty() && now - quietUntil >= 0) {
                silent.forEach(ex -> stalled.add(ex.method + " " + ex.uri));
                return true;
            }
            if (now - end >= 0) {
                return false;
            }
            long wait = busy.isEmpty() ? Math.min(quietUntil - now, end - now) : end - now;
            if (!open.isEmpty() && stall != null) {
                wait = Math.min(wait, 200_000_000L); // look again at the bytes each open exchange got
            }
            wait = Math.max(1_000_000L, wait);
            wait(wait / 1_000_000L, 0);
        }
    }

    /** Waits until every open exchange has ended (been recorded); false if some are still open after {@code max}. */
    synchronized boolean awaitNoneOpen(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!open.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    void abortExpired(Duration timeout) {
        long now = System.nanoTime();
        for (OpenExchange ex : openNow()) {
            ex.abortHarder(1_000_000_000L);
            if (now - ex.deadlineNanos >= 0) {
                ex.abort("exchange timeout: not complete after " + Seconds.of(timeout));
            }
        }
    }

    void abortAll(String reason) {
        for (OpenExchange ex : openNow()) {
            ex.abort(reason);
        }
    }

    void abortAllHarder() {
        for (OpenExchange ex : openNow()) {
            ex.abortHarder(0);
        }
    }

    private synchronized List<OpenExchange> openNow() {
        return new ArrayList<>(open);
    }
}
