package org.exhibit.integrity.timeline;

import java.time.Instant;
import java.util.List;
import org.exhibit.format.record.CaptureRecord;

/**
 * What a timeline needs of one capture record: its subject, URL, time and how the page answered.
 *
 * @param subject      {@code captures/0001}
 * @param url          the requested URL
 * @param time         when the capture started
 * @param status       the main document's HTTP status, or null when no answer came
 * @param firstWarning the record's first warning (why a failed capture failed), or null
 */
public record CaptureFacts(String subject, String url, Instant time, Integer status, String firstWarning) {
    /** The statuses that say the content is no longer there. */
    public static final List<Integer> GONE_STATUSES = List.of(404, 410, 451);

    public static CaptureFacts of(String subject, CaptureRecord r) {
        return new CaptureFacts(subject, r.requestedUrl(), r.startedAt() != null ? r.startedAt() : r.endedAt(),
                r.mainDocument() == null ? null : r.mainDocument().status(),
                r.warnings() == null || r.warnings().isEmpty() ? null : r.warnings().get(0));
    }

    /** True when the page could not be fetched because its host name does not resolve. */
    public boolean dnsFailure() {
        return status == null && firstWarning != null && firstWarning.contains("cannot resolve");
    }

    /** What the capture shows by its HTTP answer alone (a "content removed" page needs its text: see recheck). */
    public State state() {
        if (status == null) {
            return dnsFailure() ? State.GONE : State.NO_ANSWER;
        }
        if (GONE_STATUSES.contains(status)) {
            return State.GONE;
        }
        return status >= 500 ? State.NO_ANSWER : State.ONLINE;
    }

    /** "HTTP 410", "the host name does not resolve", "no answer". */
    public String answer() {
        return status != null ? "HTTP " + status : dnsFailure() ? "the host name does not resolve" : "no answer";
    }
}
