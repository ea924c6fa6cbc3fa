package org.exhibit.format.record;

import java.io.IOException;
import java.util.List;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.RecordRef;

/**
 * What every record says, whatever its kind: its id, who made it and the files of its folder with their hashes.
 * Sealing and verifying need no more than this.
 */
public sealed interface EvidenceRecord permits CaptureRecord, ItemRecord {
    String id();

    /** Every file of the record's folder except the record and its timestamps, paths relative to the folder. */
    List<Artifact> artifacts();

    /** Who made it: the capturing investigator, or who ingested the file; null when the record names nobody. */
    Actor author();

    /**
     * Reads a record of the given kind.
     *
     * @throws IOException not JSON, or not a record of that kind (the message says why in one line)
     */
    static EvidenceRecord read(RecordRef.Kind kind, byte[] json) throws IOException {
        Class<? extends EvidenceRecord> type = kind == RecordRef.Kind.CAPTURE ? CaptureRecord.class : ItemRecord.class;
        try {
            EvidenceRecord r = Json.MAPPER.readValue(json, type);
            if (r == null) {
                throw new IOException("expected a " + type.getSimpleName() + ", got JSON null");
            }
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("expected a " + type.getSimpleName() + ", got: " + e.getOriginalMessage(), e);
        }
    }
}
