package org.exhibit.metadata;

import java.util.Map;
import org.exhibit.format.record.Artifact;

/**
 * An artifact and the full metadata dump behind its summary.
 *
 * @param artifact the record entry
 * @param full     every metadata field found ({directory: {tag: value}}), JSON-able; empty when there is none.
 *                 Ingest writes it beside the record as a file of role {@code metadata}.
 */
public record Inspection(Artifact artifact, Map<String, Map<String, String>> full) {
}
