package org.exhibit.capture.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.EvidenceRecord;

/**
 * What the batch reads back from a finished {@code capture.json} (fields of
 * {@link org.exhibit.format.record.CaptureRecord}): enough for the summary and for resuming.
 *
 * @param mark the batch the capture belongs to, or null when it was not made by a batch
 */
public record CaptureSummary(String id, String url, String outcome, String finalUrl, Integer status, int artifacts,
                             List<String> warnings, BatchMark mark) {

    /** Reads {@code capture.json}; throws {@link IOException} when it is not a complete capture record. */
    public static CaptureSummary read(Path record) throws IOException {
        CaptureRecord r;
        try {
            r = (CaptureRecord) EvidenceRecord.read(RecordRef.Kind.CAPTURE, Files.readAllBytes(record));
        } catch (IOException e) {
            throw new IOException(record + ": " + e.getMessage(), e);
        }
        String url = r.requestedUrl();
        Map<String, String> notes = r.notes() == null ? Map.of() : r.notes();
        BatchMark mark = null;
        if (notes.get(BatchMark.NOTE_ID) != null && url != null) {
            try {
                mark = new BatchMark(notes.get(BatchMark.NOTE_ID), Integer.parseInt(notes.getOrDefault(
                        BatchMark.NOTE_LINE, "0")), LinkUrl.parse(url).key());
            } catch (IllegalArgumentException e) {
                mark = null;
            }
        }
        return new CaptureSummary(record.getParent().getFileName().toString(), url,
                r.outcome() == null ? null : r.outcome().json(), r.finalUrl(),
                r.mainDocument() == null ? null : r.mainDocument().status(),
                r.artifacts() == null ? 0 : r.artifacts().size(),
                r.warnings() == null ? List.of() : List.copyOf(r.warnings()), mark);
    }

    UrlResult result(int line, String displayUrl) {
        return new UrlResult(line, displayUrl, outcome, id, finalUrl, status, artifacts, Duration.ZERO, 0, true, warnings);
    }
}
