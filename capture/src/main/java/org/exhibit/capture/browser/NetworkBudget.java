package org.exhibit.capture.browser;

import java.time.Duration;

/**
 * The time a page may keep one capture waiting on its network, in all: started with the load, each network-bound
 * step (the load, each wait for the network to go quiet) takes at most what is left, but never less than a floor
 * (enough to see that a quiet network is quiet), so a page that never finishes costs the budget once, not each
 * step's bound in turn.
 */
final class NetworkBudget {
    private final Duration total;
    private final long end;

    NetworkBudget(Duration total) {
        this.total = total;
        this.end = System.nanoTime() + total.toNanos();
    }

    /** {@code bound}, or what is left of the budget if less, but at least {@code floor}. */
    Duration cap(Duration bound, Duration floor) {
        Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        Duration d = bound.compareTo(left) <= 0 ? bound : left;
        return d.compareTo(floor) >= 0 ? d : floor;
    }

    /** Whether a bound of {@code got} was cut by the budget rather than being the step's own. */
    boolean cut(Duration got, Duration bound) {
        return got.compareTo(bound) < 0;
    }

    Duration total() {
        return total;
    }
}
