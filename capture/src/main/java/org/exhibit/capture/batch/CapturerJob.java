package org.exhibit.capture.batch;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.exhibit.capture.CaptureResult;
import org.exhibit.capture.Capturer;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;

/**
 * A batch's captures made by the {@link Capturer}, exactly as one-by-one capture makes them (same browser
 * settings, same record), with the link's notes and the batch mark in the record. A network failure before any
 * response is not kept while another attempt follows.
 *
 * <pre>{@code
 * CaptureJob job = new CapturerJob(new Capturer(ws, me.publicInfo(), options));
 * }</pre>
 */
public final class CapturerJob implements CaptureJob {
    private static final String NOT_FETCHED = "the page itself could not be fetched: ";
    private final Capturer capturer;

    public CapturerJob(Capturer capturer) {
        this.capturer = capturer;
    }

    @Override
    public CaptureAttempt capture(LinkEntry entry, BatchMark mark, boolean lastAttempt) throws IOException {
        AtomicReference<CaptureRecord> dropped = new AtomicReference<>();
        CaptureResult r = capturer.capture(entry.url().given(), mark.notes(entry), record -> {
            if (lastAttempt || !networkFailure(record)) {
                return true;
            }
            dropped.set(record);
            return false;
        });
        if (r == null) {
            return CaptureAttempt.networkFailure(dropped.get().warnings().get(0).replace(NOT_FETCHED, ""));
        }
        CaptureRecord rec = r.record();
        return new CaptureAttempt(r.id(), rec.outcome().json(), rec.finalUrl(),
                rec.mainDocument() == null ? null : rec.mainDocument().status(), rec.artifacts().size(), rec.warnings(), false);
    }

    /**
     * True when the page never answered: the browser asked for it but no HTTP status came back (connection
     * refused or reset, DNS, a timeout before any response). A page that answered, even with a 404, is evidence.
     */
    static boolean networkFailure(CaptureRecord record) {
        return record.outcome() == CaptureOutcome.FAILED && record.mainDocument() == null
                && !record.warnings().isEmpty() && record.warnings().get(0).startsWith(NOT_FETCHED)
                && !record.warnings().get(0).contains("never requested");
    }
}
