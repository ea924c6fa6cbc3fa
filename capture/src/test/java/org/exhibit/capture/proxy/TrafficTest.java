package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The idle clock's "since": a quiet network already seen since the last thing done to the page counts, and nothing
 * seen before it does.
 */
class TrafficTest {
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void quietSeenSinceTheGivenTimeIsNotWaitedOutAgainButCountedFromTheCallItIs() throws Exception {
        Traffic traffic = new Traffic();
        long since = System.nanoTime();
        Thread.sleep(QUIET.toMillis() + 100);
        long t0 = System.nanoTime();
        assertThat(traffic.awaitIdle(QUIET, MAX, null, new ArrayList<>(), since)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(QUIET.minusMillis(100));
        t0 = System.nanoTime();
        assertThat(traffic.awaitIdle(QUIET, MAX)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(QUIET);
    }

    @Test
    void quietBeforeTheGivenTimeDoesNotCount() throws Exception {
        Traffic traffic = new Traffic();
        Thread.sleep(QUIET.toMillis() + 100); // quiet, but before the last action
        long since = System.nanoTime();
        Thread.sleep(100);
        assertThat(traffic.awaitIdle(QUIET, MAX, null, new ArrayList<>(), since)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - since)).isGreaterThanOrEqualTo(QUIET);
    }

    @Test
    void aRequestStartedAfterTheGivenTimeIsWaitedForAndTheQuietCountedFromItsEnd() throws Exception {
        Traffic traffic = new Traffic();
        long since = System.nanoTime();
        Thread.sleep(QUIET.toMillis() + 100);
        OpenExchange ex = traffic.open("GET", "http://127.0.0.1/feed/posts?from=11", Duration.ofSeconds(10));
        long[] ended = new long[1];
        CompletableFuture<Void> end = CompletableFuture.runAsync(() -> {
            ended[0] = System.nanoTime();
            traffic.finish(ex, Exchange.Outcome.COMPLETE, null);
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        assertThat(traffic.awaitIdle(QUIET, MAX, null, new ArrayList<>(), since)).isTrue();
        long done = System.nanoTime();
        end.get();
        assertThat(Duration.ofNanos(done - ended[0])).isGreaterThanOrEqualTo(QUIET);
        assertThat(traffic.snapshot()).singleElement().extracting(Exchange::outcome).isEqualTo(Exchange.Outcome.COMPLETE);
    }
}
