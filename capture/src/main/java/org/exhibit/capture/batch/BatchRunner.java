package org.exhibit.capture.batch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * Captures every URL of a {@link LinkList} into a case, several at once, each in its own browser and proxy.
 * Network failures before any response are retried with a doubling pause; a page that answered, even with a
 * 404, is evidence and is kept as it is. Running the same list again resumes: captures finished earlier are
 * kept, half-written ones are discarded and redone (see {@link BatchRecovery}), nothing is captured twice.
 *
 * <pre>{@code
 * LinkList list = LinkList.read(Path.of("links.csv"));
 * BatchRunner runner = new BatchRunner(ws, me.actor(), job, BatchOptions.defaults().withParallel(4), listener);
 * Runtime.getRuntime().addShutdownHook(new Thread(runner::stopAndWait));   // Ctrl-C: finish what runs, start nothing
 * BatchResult result = runner.run(list);
 * }</pre>
 */
public final class BatchRunner {
    private final CaseWorkspace ws;
    private final Actor actor;
    private final CaptureJob job;
    private final BatchOptions options;
    private final BatchListener listener;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();

    public BatchRunner(CaseWorkspace ws, Actor actor, CaptureJob job, BatchOptions options, BatchListener listener) {
        this.ws = ws;
        this.actor = actor;
        this.job = job;
        this.options = options;
        this.listener = listener == null ? new BatchListener() { } : listener;
    }

    /** Runs (or resumes) the batch and returns one result per good line; holds the case's batch lock meanwhile. */
    public BatchResult run(LinkList list) throws IOException {
        return run(list, list.id());
    }

    /**
     * As {@link #run(LinkList)} under another batch id than the list's own: a recheck captures the same list again
     * as a new batch, and resumes it by the same id.
     */
    public BatchResult run(LinkList list, String batchId) throws IOException {
        Instant start = Instant.now();
        try (CaseLock ignored = CaseLock.acquire(ws)) {
            String id = batchId;
            BatchRecovery recovery = BatchRecovery.run(ws, id, actor);
            Map<String, UrlResult> results = new ConcurrentHashMap<>();
            List<LinkEntry> pending = new ArrayList<>();
            for (LinkEntry e : list.entries()) {
                CaptureSummary earlier = recovery.finished().get(e.url().key());
                if (earlier != null) {
                    results.put(e.url().key(), earlier.result(e.line(), e.url().display()));
                } else {
                    pending.add(e);
                }
            }
            listener.planned(list.entries().size(), results.size());
            ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
                Thread t = new Thread(r, "exhibit-batch");
                t.setDaemon(true);
                return t;
            });
            try {
                for (LinkEntry e : pending) {
                    pool.execute(() -> {
                        UrlResult r = captureOne(id, e);
                        results.put(e.url().key(), r);
                        if (!r.outcome().equals(UrlResult.NOT_RUN)) {
                            listener.finished(r);
                        }
                    });
                }
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // captures are bounded by their own timeouts
                }
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
            }
            List<UrlResult> ordered = list.entries().stream()
                    .map(e -> results.getOrDefault(e.url().key(), UrlResult.notRun(e))).toList();
            BatchResult result = new BatchResult(id, list.source(), ordered, list.problems(), recovery,
                    ordered.stream().anyMatch(r -> r.outcome().equals(UrlResult.NOT_RUN)),
                    Duration.between(start, Instant.now()));
            listener.ended(result);
            return result;
        } finally {
            done.countDown();
        }
    }

    /** Starts no new capture; those running finish (each is bounded by its timeouts) and are kept. */
    public void stop() {
        if (stop.getCount() > 0) {
            stop.countDown();
            listener.stopping(running.get());
        }
    }

    /** {@link #stop()}, then waits up to 3 minutes for the running captures to end: for a shutdown hook. */
    public void stopAndWait() {
        stop();
        try {
            done.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private UrlResult captureOne(String batchId, LinkEntry entry) {
        Instant start = Instant.now();
        BatchMark mark = BatchMark.of(batchId, entry);
        for (int attempt = 1; ; attempt++) {
            if (stopping()) {
                return UrlResult.notRun(entry);
            }
            listener.started(entry, attempt);
            CaptureAttempt a;
            running.incrementAndGet();
            try {
                a = job.capture(entry, mark, attempt == options.attempts());
            } catch (Exception | LinkageError e) {
                // nothing was kept (the browser did not start, the disk is full...): the next run tries again
                a = new CaptureAttempt(null, "failed", null, null, 0, List.of(reason(e)), false);
            } finally {
                running.decrementAndGet();
            }
            if (!a.retryable() || attempt >= options.attempts()) {
                return UrlResult.of(entry, a, Duration.between(start, Instant.now()), attempt);
            }
            Duration pause = options.backoffBefore(attempt + 1);
            listener.retrying(entry, attempt + 1, pause, a.warnings().isEmpty() ? "network failure" : a.warnings().get(0));
            try {
                if (stop.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return UrlResult.notRun(entry);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return UrlResult.notRun(entry);
            }
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
