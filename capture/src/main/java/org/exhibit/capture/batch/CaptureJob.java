package org.exhibit.capture.batch;

/**
 * Captures one link into the case. Called from several threads at once, each call with its own browser and
 * recording proxy.
 */
@FunctionalInterface
public interface CaptureJob {
    /**
     * @param entry       the link
     * @param mark        what to record as {@code "batch"} in the capture record
     * @param lastAttempt true when no retry follows: a network failure must then be kept as a failed capture
     *                    rather than returned as {@link CaptureAttempt#networkFailure retryable}
     */
    CaptureAttempt capture(LinkEntry entry, BatchMark mark, boolean lastAttempt) throws Exception;
}
