package org.exhibit.capture.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a capture record says about the batch it belongs to: {@code "batch"} (the batch id) and {@code "batchLine"}
 * in the record's {@code notes}. Resuming a batch finds its finished captures by the id and the requested URL.
 *
 * @param id   the batch id ({@link LinkList#id()})
 * @param line the line of the link list
 * @param url  the normalised URL ({@link LinkUrl#key()})
 */
public record BatchMark(String id, int line, String url) {
    public static final String NOTE_ID = "batch";
    public static final String NOTE_LINE = "batchLine";

    static BatchMark of(String batchId, LinkEntry entry) {
        return new BatchMark(batchId, entry.line(), entry.url().key());
    }

    /** The entry's own notes (platform, username, ...) followed by the batch id and line. */
    public Map<String, String> notes(LinkEntry entry) {
        Map<String, String> notes = new LinkedHashMap<>(entry.notes());
        notes.put(NOTE_ID, id);
        notes.put(NOTE_LINE, Integer.toString(line));
        return notes;
    }
}
