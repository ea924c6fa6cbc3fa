package org.exhibit.capture.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.openqa.selenium.NoSuchSessionException;

/**
 * Runs page steps one after another, each on its own thread under its own deadline, and records how each
 * ended. Once the browser has crashed or stopped answering, the remaining steps are recorded as skipped.
 */
final class StepRecorder {
    private static final Duration PROBE = Duration.ofSeconds(5);
    private final BrowserSession session;
    private final List<Step> steps = new ArrayList<>();
    private volatile String partial;
    private volatile String note;
    private String broken;

    StepRecorder(BrowserSession session) {
        this.session = session;
    }

    /** Runs {@code body} as step {@code name}; returns its value, or null when it failed or was skipped. */
    <T> T run(String name, Duration timeout, Callable<T> body) {
        return run(name, timeout, body, false);
    }

    /** Like {@link #run}, but the step is recorded only when it does not end ok: a look that found nothing to do. */
    <T> T runQuietly(String name, Duration timeout, Callable<T> body) {
        return run(name, timeout, body, true);
    }

    private <T> T run(String name, Duration timeout, Callable<T> body, boolean quietly) {
        Instant start = Instant.now();
        if (broken != null) {
            steps.add(new Step(name, start, start, StepOutcome.SKIPPED, broken));
            return null;
        }
        partial = null;
        note = null;
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                future.complete(body.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "exhibit-step-" + name);
        worker.setDaemon(true);
        worker.start();
        try {
            T value = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String cut = partial;
            if (cut != null || !quietly) {
                steps.add(new Step(name, start, Instant.now(), cut == null ? StepOutcome.OK : StepOutcome.PARTIAL,
                        cut == null ? note : cut));
            }
            return value;
        } catch (TimeoutException e) {
            worker.interrupt();
            steps.add(new Step(name, start, Instant.now(), StepOutcome.FAILED,
                    "timed out after " + seconds(timeout)));
            if (!answers()) {
                broken = "the browser stopped answering during " + name;
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = Browser.firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            steps.add(new Step(name, start, Instant.now(), StepOutcome.FAILED, message));
            if (crashed(cause)) {
                broken = "the browser crashed or went away during " + name + " (" + message + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step(name, start, Instant.now(), StepOutcome.FAILED, "interrupted"));
            broken = "the capture was interrupted during " + name;
        }
        return null;
    }

    /** Called from inside a step: the step hit a limit but what it got is kept. */
    void partial(String message) {
        partial = message;
    }

    /** Called from inside a step: what it did, kept as the message of a step that ends ok. */
    void note(String message) {
        note = message;
    }

    /** Marks the rest of the steps as skipped, for the given reason. */
    void stop(String reason) {
        if (broken == null) {
            broken = reason;
        }
    }

    String broken() {
        return broken;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    private boolean answers() {
        CompletableFuture<Object> probe = CompletableFuture.supplyAsync(() -> session.script("return 1"));
        try {
            probe.get(PROBE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            probe.cancel(true);
            return false;
        }
    }

    private static boolean crashed(Throwable t) {
        if (t instanceof NoSuchSessionException) {
            return true;
        }
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("not reachable") || m.contains("disconnected") || m.contains("crash")
                || m.contains("session deleted") || m.contains("no such window") || m.contains("connection refused");
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
