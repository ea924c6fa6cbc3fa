package org.exhibit.capture.recheck;

import java.util.List;
import org.exhibit.capture.batch.BatchResult;
import org.exhibit.integrity.timeline.Timeline;

/**
 * How a recheck run ended.
 *
 * @param run       the run id (the batch id of its captures)
 * @param checks    one per URL, in list order
 * @param timelines the timelines of those URLs, this run included
 * @param batch     the batch that captured them (retries, resume, problems)
 */
public record RecheckResult(String run, List<UrlCheck> checks, List<Timeline> timelines, BatchResult batch) {
    public RecheckResult {
        checks = List.copyOf(checks);
        timelines = List.copyOf(timelines);
    }

    /** Whether anything is worth telling: newly gone, back, changed, or a re-upload. */
    public boolean news() {
        return checks.stream().anyMatch(UrlCheck::news);
    }
}
