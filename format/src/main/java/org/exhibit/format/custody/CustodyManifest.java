package org.exhibit.format.custody;

import java.time.Instant;
import java.util.List;
import org.exhibit.format.record.Actor;

/**
 * {@code custody/manifest.json}: what the investigator signs and a TSA stamps when a case is sealed. It binds
 * every payload byte through the SHA-256 of {@code manifest-sha256.txt} and the custody log through the
 * SHA-256 of its last line. Written with {@code Json}, keys in this order.
 *
 * @param format                the bundle format, 1 (bag-info's Exhibit-Format)
 * @param caseId                the case id (also bag-info's External-Identifier)
 * @param caseTitle             the case title, or null
 * @param investigator          who sealed: name and certificate SHA-256 fingerprint
 * @param exhibitVersion        the Exhibit version that sealed
 * @param sealedAt              the seal time (UTC), also every ZIP entry's time
 * @param payloadManifestSha256 SHA-256 of {@code manifest-sha256.txt}
 * @param captures              every capture record in the bundle
 * @param items                 every ingested item record in the bundle
 * @param custodyLogHead        SHA-256 of the last line of {@code custody/events.jsonl}
 */
public record CustodyManifest(int format, String caseId, String caseTitle, Actor investigator,
                              String exhibitVersion, Instant sealedAt, String payloadManifestSha256,
                              List<SealedRecord> captures, List<SealedRecord> items, String custodyLogHead) {
    public CustodyManifest {
        captures = captures == null ? List.of() : List.copyOf(captures);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One capture or item as sealed.
     *
     * @param id      "0001"
     * @param record  the record's path in the bundle, e.g. {@code data/captures/0001/capture.json}
     * @param url     for a capture, the requested URL; else null
     * @param source  for an item, its original file name and what the user said it is; else null
     * @param sha256  SHA-256 of the record file
     * @param genTime the earliest genTime of the record's own timestamps; null while its stamp is pending
     */
    public record SealedRecord(String id, String record, String url, String source, String sha256,
                               Instant genTime) {
    }
}
