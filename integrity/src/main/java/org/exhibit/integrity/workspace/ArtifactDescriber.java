package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.nio.file.Path;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;

/**
 * Turns a file already in the case into its {@link Artifact} entry. The metadata module supplies one that adds
 * PDQ and EXIF; {@link #mediaTypeOnly()} is the default.
 *
 * <pre>{@code
 * Ingest ingest = new Ingest(ws, stamper, me.actor(), (file, path, role, sha256) ->
 *         inspector.inspect(file, path, role, sha256));
 * }</pre>
 */
@FunctionalInterface
public interface ArtifactDescriber {
    /**
     * @param file   the file in the case (read it, never change it)
     * @param path   its path relative to the record's folder, '/'-separated
     * @param role   its role ("original", ...)
     * @param sha256 its SHA-256, already computed and checked by the caller: no need to hash it again
     * @return the artifact; its path, size and sha256 must describe this file (the caller checks)
     */
    Artifact describe(Path file, String path, String role, Sha256 sha256) throws IOException;

    /**
     * Derives from an ingested file what is worth reading in it (a chat export's messages, an image's text) into
     * {@code folder}'s {@code derived/} folder, and names the files it contains or refers to. The default derives
     * nothing. It must never change the ingested file.
     *
     * @param file     the ingested copy in the case
     * @param original its artifact, as {@link #describe} gave it
     * @param folder   the item's folder
     * @param input    the file as the user gave it (a JSON export's attachments are found beside it)
     */
    default Derivation derive(Path file, Artifact original, Path folder, Path input) throws IOException {
        return Derivation.NONE;
    }

    /**
     * The describer another module installed (a {@code META-INF/services/org.exhibit.integrity.workspace.ArtifactDescriber}
     * entry naming a class with a public no-argument constructor), else {@link #mediaTypeOnly()}.
     */
    static ArtifactDescriber installed() {
        return java.util.ServiceLoader.load(ArtifactDescriber.class).findFirst().orElseGet(ArtifactDescriber::mediaTypeOnly);
    }

    /** Media type from content (Apache Tika core), size and SHA-256; nothing else. */
    static ArtifactDescriber mediaTypeOnly() {
        return (file, path, role, sha256) ->
                Artifact.of(path, role, MediaTypes.detect(file), java.nio.file.Files.size(file), sha256.hex());
    }
}
