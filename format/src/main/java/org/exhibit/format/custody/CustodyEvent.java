package org.exhibit.format.custody;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhibit.format.record.Actor;

/**
 * One line of {@code custody/events.jsonl}.
 *
 * @param seq     1 for the first line, then +1 a line
 * @param time    when it happened (UTC, the local clock)
 * @param actor   who did it
 * @param action  what was done: {@link #CASE_OPENED}, {@link #INGESTED}, {@link #TIMESTAMPED}, ...
 * @param subject what it was done to: {@code captures/0001}, {@code files/0003}, {@code bundle:<sha256>}, {@code notice:<sha256>}; or null
 * @param details action-specific facts (key order kept)
 * @param prev    SHA-256 of the previous line's bytes including its newline; 64 zeros on the first line
 */
public record CustodyEvent(long seq, Instant time, Actor actor, String action, String subject,
                           Map<String, Object> details, String prev) {
    /** The JSON names of the two fields the chain rule reads. */
    public static final String SEQ = "seq";
    public static final String PREV = "prev";
    public static final String CASE_OPENED = "case-opened";
    public static final String INGESTED = "ingested";
    public static final String CAPTURED = "captured";
    public static final String TIMESTAMPED = "timestamped";
    public static final String TIMESTAMP_PENDING = "timestamp-pending";
    public static final String SEALED = "sealed";
    public static final String VERIFIED = "verified";
    /** Written once the bundle is on disk, after the {@code sealed} line it binds. */
    public static final String EXPORTED = "exported";
    /** Written when sealing fails after the {@code sealed} line. */
    public static final String SEAL_FAILED = "seal-failed";
    /** Written by {@code exhibit recheck} for each new capture of a URL captured before: what it found. */
    public static final String RECHECKED = "rechecked";
    /**
     * Written by {@code exhibit takedown} on a case folder for each notice it drafts (subject {@code notice:<sha256>}
     * of the notice's text file): which host, to whom, naming which URLs. Exhibit never sends a notice.
     */
    public static final String NOTICE_DRAFTED = "notice-drafted";
    /** The start of a {@code notice-drafted} line's subject, followed by the SHA-256 of the notice's text file. */
    public static final String NOTICE_SUBJECT = "notice:";

    public CustodyEvent {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
