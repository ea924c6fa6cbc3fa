package org.exhibit.format.record;

import java.time.Instant;
import java.util.List;
import org.exhibit.format.record.Actor;
import org.exhibit.format.record.Artifact;

/**
 * {@code data/files/<id>/item.json}: an evidence file ingested from disk, described as it arrived.
 *
 * @param format           1
 * @param id               the item id ({@code 0001})
 * @param caseId           the case it belongs to
 * @param originalName     the file's name as given (the copy's name may be sanitised)
 * @param size             bytes
 * @param sha256           SHA-256 of the bytes (identical in the original and the copy)
 * @param mediaType        detected from the content by Apache Tika, never from the name
 * @param originalModified the original file's last-modified time
 * @param ingestedAt       when it was copied in
 * @param ingestedBy       who copied it in
 * @param source           what the user said it is (e.g. "WhatsApp export from the victim's phone"), or null
 * @param artifacts        the copy (role {@code original}) and any metadata dumps, paths relative to this folder
 * @param warnings         what the user should know (renamed on disk, empty file, same bytes as another item)
 * @param containedIn      for a file taken from another item (a chat export's attachment), that item and the
 *                         name the file has there; else null
 */
public record ItemRecord(int format, String id, String caseId, String originalName, long size, String sha256,
                         String mediaType, Instant originalModified, Instant ingestedAt, Actor ingestedBy,
                         String source, List<Artifact> artifacts, List<String> warnings, Container containedIn)
        implements EvidenceRecord {
    public static final int FORMAT = 1;

    public ItemRecord {
        artifacts = artifacts == null ? null : List.copyOf(artifacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @Override
    public Actor author() {
        return ingestedBy;
    }

    /**
     * Where an item's file was found.
     *
     * @param item the id of the item it was taken from
     * @param path its name or path inside that item's file (a zip entry, a path relative to a JSON export)
     */
    public record Container(String item, String path) {
    }
}
