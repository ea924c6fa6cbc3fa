package org.exhibit.capture.warc;

import java.util.List;

/**
 * What {@link ResourceExtractor} wrote, and what it left out with the reason (a 206 range, a truncated
 * record, an unknown coding), so that nothing is dropped silently.
 */
public record Extraction(List<Resource> resources, List<String> skipped) {
    public Extraction {
        resources = List.copyOf(resources);
        skipped = List.copyOf(skipped);
    }
}
