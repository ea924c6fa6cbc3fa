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
