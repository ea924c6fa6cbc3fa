package org.exhibit.capture;

import java.nio.file.Path;
import java.time.Duration;
import org.exhibit.integrity.workspace.StampOutcome;

/**
 * One finished capture.
 *
 * @param id      the capture id ("0001")
 * @param folder  {@code data/captures/<id>} in the case
 * @param record  what {@code capture.json} holds
 * @param stamp   the record's timestamp, or null when no TSA was configured (the stamp is pending)
 * @param timings where the time went
 */
public record CaptureResult(String id, Path folder, CaptureRecord record, StampOutcome stamp, Timings timings) {
    public CaptureOutcome outcome() {
        return record.outcome();
    }

    /**
     * @param total   from the URL check to the custody-log line
     * @param browser starting the browser, the page steps and closing it (the page's own pace)
     * @param exhibit everything else: proxy shutdown, resources, WACZ, hashing and metadata, record, move,
     *                timestamp, custody log
     */
    public record Timings(Duration total, Duration browser, Duration exhibit) {
    }
}
