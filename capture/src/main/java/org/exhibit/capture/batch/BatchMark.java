package org.exhibit.capture.batch;

/**
 * What a capture record says about the batch it belongs to ({@code "batch"} in {@code capture.json}); resuming a
 * batch finds its finished captures by it.
 *
 * @param id   the batch id ({@link LinkList#id()})
 * @param line the line of the link list
 * @param url  the normalised URL ({@link LinkUrl#key()})
 */
public record BatchMark(String id, int line, String url) {
    /** The name of the field in {@code capture.json}. */
    public static final String FIELD = "batch";

    static BatchMark of(String batchId, LinkEntry entry) {
        return new BatchMark(batchId, entry.line(), entry.url().key());
    }
}
