package org.exhibit.capture.batch;

import java.time.Duration;
import java.util.List;

/**
 * One line of the batch summary.
 *
 * @param line      line in the link list
 * @param url       the URL as the investigator reads it
 * @param outcome   {@code complete}, {@code partial}, {@code failed}, or {@code not-run} when the batch stopped first
 * @param captureId the capture folder's id, or null
 * @param finalUrl  where the browser ended up, or null
 * @param status    the main document's HTTP status, or null
 * @param artifacts files in the capture
 * @param time      how long the capture took (all attempts), zero for one kept from an earlier run
 * @param attempts  attempts made in this run (0 for one kept from an earlier run)
 * @param resumed   true when the capture was finished by an earlier, interrupted run
 * @param warnings  the record's warnings or the failure's reason
 */
public record UrlResult(int line, String url, String outcome, String captureId, String finalUrl, Integer status,
                        int artifacts, Duration time, int attempts, boolean resumed, List<String> warnings) {
    public static final String NOT_RUN = "not-run";

    public UrlResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean failed() {
        return "failed".equals(outcome);
    }

    static UrlResult of(LinkEntry entry, CaptureAttempt a, Duration time, int attempts) {
        return new UrlResult(entry.line(), entry.url().display(), a.outcome(), a.captureId(), a.finalUrl(), a.status(),
                a.artifacts(), time, attempts, false, a.warnings());
    }

    static UrlResult notRun(LinkEntry entry) {
        return new UrlResult(entry.line(), entry.url().display(), NOT_RUN, null, null, null, 0, Duration.ZERO, 0, false,
                List.of());
    }
}
