package org.exhibit.capture.batch;

import java.util.List;

/**
 * How one attempt at a capture ended.
 *
 * @param captureId  the capture folder's id ({@code 0007}) when the capture was kept in the case; null when nothing
 *                   was kept (a network failure that will be retried)
 * @param outcome    {@code complete}, {@code partial} or {@code failed}
 * @param finalUrl   where the browser ended up, or null
 * @param status     the main document's HTTP status, or null when no response came
 * @param artifacts  files listed in the record
 * @param warnings   the record's warnings, or the failure's reason
 * @param retryable  true for a network failure before any response (refused, reset, DNS, timeout): worth another try
 */
public record CaptureAttempt(String captureId, String outcome, String finalUrl, Integer status, int artifacts,
                             List<String> warnings, boolean retryable) {
    public CaptureAttempt {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A network failure before any response, nothing kept; the batch tries again after a pause. */
    public static CaptureAttempt networkFailure(String reason) {
        return new CaptureAttempt(null, "failed", null, null, 0, List.of(reason), true);
    }
}
