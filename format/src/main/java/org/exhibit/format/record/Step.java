package org.exhibit.format.record;

import java.time.Duration;
import java.time.Instant;

/**
 * One page step as it happened.
 *
 * @param name      navigate, network-idle, click, walls, scroll, screenshot-full, ...
 * @param startedAt when it began (local clock, UTC)
 * @param endedAt   when it ended
 * @param outcome   ok, partial, failed or skipped
 * @param message   why it was not ok; for an ok step, what it did when that matters (a click: why, what and where;
 *                  a scroll: where and why it stopped), else null
 */
public record Step(String name, Instant startedAt, Instant endedAt, StepOutcome outcome, String message) {
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
