package org.exhibit.capture.batch;

import java.time.Duration;

/** Hears how a batch goes, from the batch's worker threads (implementations synchronise themselves). */
public interface BatchListener {
    /** Before any capture: how many URLs in all, how many were finished by an earlier run. */
    default void planned(int total, int alreadyDone) {
    }

    default void started(LinkEntry entry, int attempt) {
    }

    default void retrying(LinkEntry entry, int nextAttempt, Duration pause, String reason) {
    }

    default void finished(UrlResult result) {
    }

    /** The batch was asked to stop: no new capture starts, those running finish. */
    default void stopping(int running) {
    }

    default void ended(BatchResult result) {
    }
}
