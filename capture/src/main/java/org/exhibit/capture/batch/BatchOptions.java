package org.exhibit.capture.batch;

import java.time.Duration;

/**
 * How a batch runs.
 *
 * @param parallel     captures at once, each with its own browser and proxy
 * @param attempts     tries per URL when the network fails before any response (1 = no retry)
 * @param firstBackoff the pause before the second try; it doubles for each further try
 */
public record BatchOptions(int parallel, int attempts, Duration firstBackoff) {
    public BatchOptions {
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("expected --parallel from 1 to 64, got " + parallel);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("expected at least 1 attempt, got " + attempts);
        }
        if (firstBackoff == null || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("expected a backoff of zero or more, got " + firstBackoff);
        }
    }

    /** What this machine can take, 3 attempts, 2 s then 4 s between them. */
    public static BatchOptions defaults() {
        return new BatchOptions(Parallelism.machine(), 3, Duration.ofSeconds(2));
    }

    public BatchOptions withParallel(int n) {
        return new BatchOptions(n, attempts, firstBackoff);
    }

    public BatchOptions withRetries(int attempts, Duration firstBackoff) {
        return new BatchOptions(parallel, attempts, firstBackoff);
    }

    /** The pause before attempt {@code n} (2, 3, ...): firstBackoff, then doubling. */
    Duration backoffBefore(int n) {
        return firstBackoff.multipliedBy(1L << Math.min(n - 2, 10));
    }
}
