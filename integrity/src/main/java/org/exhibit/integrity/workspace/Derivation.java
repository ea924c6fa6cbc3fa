package org.exhibit.integrity.workspace;

import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.record.Artifact;

/**
 * What a describer found in an ingested file beyond its description: files it derived into the item's folder
 * (listed in the item's record), and files the original contains or refers to that go in as items of their own.
 *
 * @param derived   artifacts of the files written under the item's {@code derived/} folder
 * @param contained files to ingest as items of their own, each recorded as contained in this item
 * @param warnings  for the item's record: what could not be read (an unparseable export ...)
 * @param scratch   a temporary folder holding extracted files, deleted once they are ingested; or null
 */
public record Derivation(List<Artifact> derived, List<Contained> contained, List<String> warnings, Path scratch) {
    /** Nothing derived. */
    public static final Derivation NONE = new Derivation(List.of(), List.of(), List.of(), null);

    public Derivation {
        derived = List.copyOf(derived);
        contained = List.copyOf(contained);
        warnings = List.copyOf(warnings);
    }

    /**
     * A file found in an ingested one.
     *
     * @param file where it is now (in {@link #scratch()}, or beside the ingested file on disk)
     * @param path its name or path as the containing file gives it
     */
    public record Contained(Path file, String path) {
    }
}
