package org.exhibit.capture.batch;

import java.util.Map;

/**
 * One good line of a link list.
 *
 * @param line  the line number in the list (1-based; for CSV the line the row starts on)
 * @param url   the URL, normalised
 * @param notes what the list says about it ({@code platform}, {@code username}, {@code description},
 *              {@code notes}), in that order, only the columns that are present and not blank
 */
public record LinkEntry(int line, LinkUrl url, Map<String, String> notes) {
    public LinkEntry {
        notes = notes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notes));
    }
}
