package org.exhibit.capture;

import java.nio.file.Path;
import java.time.Duration;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
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
     * @param total        from the URL check to the custody-log line
     * @param browserStart starting Chromium and chromedriver
     * @param pageSteps    the page steps (the page's own pace)
     * @param browserClose quitting the browser
     * @param exhibit      everything else: proxy start and shutdown, resources, WACZ, hashing and metadata, record,
     *                     move, timestamp, custody log
     */
    public record Timings(Duration total, Duration browserStart, Duration pageSteps, Duration browserClose,
                          Duration exhibit) {
        /** Time the browser took: start, page steps, close. */
        public Duration browser() {
            return browserStart.plus(pageSteps).plus(browserClose);
        }
    }
}
