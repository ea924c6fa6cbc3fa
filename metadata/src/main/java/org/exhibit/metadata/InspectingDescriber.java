package org.exhibit.metadata;

import java.io.IOException;
import java.nio.file.Path;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.record.Artifact;
import org.exhibit.integrity.workspace.ArtifactDescriber;

/**
 * The describer this module installs for ingest ({@code META-INF/services}): media type, document and image
 * metadata, PDQ and MD5 through {@link ArtifactInspector}, so that {@code item.json} says as much about an
 * ingested file as {@code capture.json} says about a captured one.
 */
public final class InspectingDescriber implements ArtifactDescriber {
    private final ArtifactInspector inspector = new ArtifactInspector();

    @Override
    public Artifact describe(Path file, String path, String role, Sha256 sha256) throws IOException {
        Artifact artifact = inspector.inspect(file, path, role);
        if (!artifact.sha256().equals(sha256.hex())) {
            throw new IOException(path + ": SHA-256 changed while it was inspected: expected " + sha256 + ", got "
                    + artifact.sha256());
        }
        return artifact;
    }
}
