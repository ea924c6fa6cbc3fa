package org.exhibit.integrity.workspace;

import java.nio.file.Path;
import org.exhibit.format.record.ItemRecord;

/**
 * One input file's fate in {@link Ingest}.
 *
 * @param input  the file as given
 * @param folder {@code data/files/<id>}, or null when it was not ingested
 * @param record the item record written, or null when it was not ingested
 * @param stamp  the timestamp outcome, or null when it was not ingested
 * @param error  why it was not ingested (one line naming the file), or null
 */
public record ItemOutcome(Path input, Path folder, ItemRecord record, StampOutcome stamp, String error) {
    public boolean ingested() {
        return record != null;
    }
}
