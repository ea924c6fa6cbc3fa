package org.exhibit.capture.batch;

import java.time.Duration;
import java.util.List;

/**
 * How a batch ended.
 *
 * @param batchId     the batch id
 * @param source      the link list
 * @param results     one per good line of the list, in list order
 * @param problems    the lines that were not captured
 * @param recovery    what was put in order before starting
 * @param interrupted true when the batch was stopped before every URL ran (run the same command again to resume)
 * @param time        wall time of this run
 */
public record BatchResult(String batchId, String source, List<UrlResult> results, List<LinkProblem> problems,
                          BatchRecovery recovery, boolean interrupted, Duration time) {
    public BatchResult {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    public long count(String outcome) {
        return results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    /** True when every URL has a capture that is not failed, and every line of the list was good. */
    public boolean allCaptured() {
        return !interrupted && problems.isEmpty() && results.stream().noneMatch(r -> r.failed() || r.outcome().equals(UrlResult.NOT_RUN));
    }
}
