package org.exhibit.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.warc.Extraction;
import org.exhibit.capture.warc.Page;
import org.exhibit.capture.warc.Resource;
import org.exhibit.capture.warc.ResourceExtractor;
import org.exhibit.capture.warc.WaczWriter;

/**
 * Turns the proxy's WARC into {@code resources/} and {@code capture.wacz}. If the WACZ cannot be written the
 * WARC stays in the folder as {@code capture.warc.gz}, so nothing recorded is lost.
 */
final class WarcPackaging {
    private WarcPackaging() {
    }

    /**
     * Extracts the resources and packages the WACZ in {@code folder}; returns each resource file's name with the
     * resource first written to it (its URL and the SHA-256 the extractor computed). Problems are added to
     * {@code warnings}.
     */
    static Map<String, Resource> pack(Path folder, Page page, String software, List<String> warnings)
            throws IOException {
        Path warc = folder.resolve(CaptureArtifacts.WARC);
        Map<String, Resource> extracted = new LinkedHashMap<>();
        if (!Files.isRegularFile(warc)) {
            warnings.add("no WARC was recorded");
            return extracted;
        }
        Path resources = folder.resolve(CaptureArtifacts.RESOURCES);
        try {
            Extraction x = new ResourceExtractor(resources).extract(warc);
            for (Resource r : x.resources()) {
                extracted.putIfAbsent(r.path().getFileName().toString(), r);
            }
            x.skipped().forEach(s -> warnings.add("resource not extracted: " + s));
        } catch (IOException | RuntimeException e) {
            warnings.add("resources could not be extracted from the WARC: " + e.getMessage());
        }
        if (Files.isDirectory(resources)) {
            try (var left = Files.list(resources)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(resources);
                }
            }
        }
        try {
            new WaczWriter(software, page.ts()).title(page.title())
                    .write(warc, List.of(page), folder.resolve(CaptureArtifacts.WACZ));
            Files.delete(warc);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(folder.resolve(CaptureArtifacts.WACZ));
            warnings.add("the WACZ could not be written (" + e.getMessage() + "); the WARC is kept as "
                    + CaptureArtifacts.WARC);
        }
        return extracted;
    }

    static Page page(String url, Instant startedAt, String title, String text) {
        return new Page(url, startedAt, title, text);
    }
}
