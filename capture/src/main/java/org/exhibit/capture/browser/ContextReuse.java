package org.exhibit.capture.browser;

import java.util.Collection;
import java.util.Set;

/**
 * What a capture allows for the pooled browser context it ran in, told to its {@link BrowserSession} before it is
 * closed: cleared and reused by the next capture (every origin the capture touched is cleared), or disposed of.
 * A session told nothing disposes of its context.
 *
 * @param origins        each origin the capture touched ({@code scheme://host[:port]}), to clear
 * @param topLevelSites  each site ({@code scheme://host}, or one of its parent domains: the registrable domain is
 *                       among them) of a top-level document the capture loaded; what another origin's storage
 *                       in a frame of such a document is partitioned under, to clear too
 * @param disposeBecause why the context must not be reused; null when it may be
 */
public record ContextReuse(Set<String> origins, Set<String> topLevelSites, String disposeBecause) {
    public ContextReuse {
        origins = Set.copyOf(origins);
        topLevelSites = Set.copyOf(topLevelSites);
    }

    /** The context may be reused once these origins' data is cleared, partitioned under these sites or not. */
    public static ContextReuse clear(Collection<String> origins, Collection<String> topLevelSites) {
        return new ContextReuse(Set.copyOf(origins), Set.copyOf(topLevelSites), null);
    }

    /** What a session that was told nothing does with its context: dispose of it. */
    static final ContextReuse UNSAID = dispose("the capture before did not say its context could be reused");

    /** The context must be disposed of, for the reason given. */
    public static ContextReuse dispose(String because) {
        return new ContextReuse(Set.of(), Set.of(), because);
    }

    public boolean reusable() {
        return disposeBecause == null;
    }
}
