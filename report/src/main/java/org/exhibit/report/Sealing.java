package org.exhibit.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The seal a workspace's report is written for: {@code exhibit seal} writes the report into the case just before
 * sealing it, so the report is inside the bundle it describes. The report then states this seal time and bundle
 * name, and says it was written as part of sealing.
 *
 * @param sealedAt   the bundle's seal time ({@code custody/manifest.json}'s {@code sealedAt}), whole seconds
 * @param bundleName the bundle's file name, e.g. {@code 2026-017-20261124T101500Z.zip}
 */
public record Sealing(Instant sealedAt, String bundleName) {
    public Sealing {
        Objects.requireNonNull(sealedAt, "expected the seal time, got null");
        if (bundleName == null || bundleName.isBlank()) {
            throw new IllegalArgumentException("expected the bundle's file name, got " + bundleName);
        }
    }
}
