package org.exhibit.metadata;

import java.io.IOException;
import java.nio.file.Path;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.ArtifactDescriber;

/**
 * The describer this module installs for ingest ({@code META-INF/services}): media type, document and image
 * metadata, PDQ and MD5 through {@link ArtifactInspector}, so that {@code item.json} says as much about an
 * ingested file as {@code capture.json} says about a captured one.
 */
public final class InspectingDescriber implements ArtifactDescriber {
    private final ArtifactInspector inspector = new ArtifactInspector();

    /** Inspects the file with the SHA-256 ingest computed while copying (and checked by re-reading the copy). */
    @Override
    public Artifact describe(Path file, String path, String role, Sha256 sha256) throws IOException {
        return inspector.inspect(file, path, role, sha256);
    }
}
