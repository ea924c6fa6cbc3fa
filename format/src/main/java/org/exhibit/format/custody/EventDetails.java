package org.exhibit.format.custody;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.json.Json;

/**
 * The {@code details} of each custody-log action, typed (docs/FORMAT.md, "custody/events.jsonl"): written with
 * {@link #of(Record)}, read with {@link #read(CustodyEvent, Class)}. A field that is null is left out.
 */
public final class EventDetails {
    private EventDetails() {
    }

    /** {@code case-opened}. */
    public record CaseOpened(String caseId, String title) {
    }

    /**
     * {@code captured}: a capture folder's record was written.
     *
     * @param record    the record's file name in its folder
     * @param sha256    SHA-256 of the record
     * @param artifacts how many files the record lists; null for a recovered line
     * @param recovered why the line was written after the fact (the run that captured stopped first); else null
     */
    public record Captured(String url, String finalUrl, String outcome, String record, String sha256,
                           Integer artifacts, String recovered) {
    }

    /** {@code ingested}: a file was copied into an item folder and its record written. */
    public record Ingested(String originalName, String path, long size, String sha256, String mediaType,
                           String record, String recordSha256) {
    }

    /** {@code timestamped}: a record's token arrived and was kept as {@code tsr} beside it. */
    public record Timestamped(String record, String sha256, String tsr, String tsa, String url, Instant genTime,
                              String serial, String policy, String nonce, long clockOffsetMillis,
                              List<String> warnings) {
    }

    /** {@code timestamp-pending}: no TSA answered; {@code exhibit stamp} completes it later. */
    public record TimestampPending(String record, String sha256, String error, List<String> attempts) {
    }

    /** {@code sealed}: written just before the bundle, and bound by its manifest. */
    public record Sealed(String file, int payloadFiles, long payloadBytes, int captures, int items,
                         List<String> pendingStamps) {
    }

    /** {@code exported}: the bundle is on disk, with this many bytes. */
    public record Exported(String file, long bytes, String payloadManifestSha256) {
    }

    /** {@code seal-failed}: sealing stopped after the {@code sealed} line. */
    public record SealFailed(String file, String error) {
    }

    /** The details as the log writes them: the record's fields in order, nulls left out. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Record details) {
        return Json.MAPPER.convertValue(details, LinkedHashMap.class);
    }

    /** An event's details as the given type; fields it lacks are null. */
    public static <T extends Record> T read(CustodyEvent event, Class<T> type) {
        return Json.MAPPER.convertValue(event.details(), type);
    }
}
