package org.exhibit.integrity.bundle;

import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.StampedToken;

/**
 * A bundle {@link BundleSealer} wrote.
 *
 * @param file          the ZIP, {@code <case-id>-<yyyyMMdd'T'HHmmss'Z'>.zip} unless named otherwise
 * @param sha256        SHA-256 of the whole ZIP (logged as the {@code exported} event's subject)
 * @param size          bytes
 * @param manifest      {@code custody/manifest.json} as signed and stamped
 * @param manifestTokens the manifest's timestamps, one per TSA that answered (at least one)
 * @param warnings      what holds but deserves a look (pending record stamps, folders without a record)
 */
public record SealedBundle(Path file, Sha256 sha256, long size, CustodyManifest manifest, List<StampedToken> manifestTokens,
                           List<String> warnings) {
    public SealedBundle {
        warnings = List.copyOf(warnings);
        manifestTokens = List.copyOf(manifestTokens);
    }

    /** The first of {@link #manifestTokens}. */
    public StampedToken manifestToken() {
        return manifestTokens.get(0);
    }
}
