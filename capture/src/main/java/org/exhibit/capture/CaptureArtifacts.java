package org.exhibit.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhibit.capture.browser.DecodedImage;
import org.exhibit.capture.browser.PageFrame;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.warc.Resource;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.metadata.ArtifactInspector;

/** Lists and inspects the files of a capture folder, in a fixed order, for {@code capture.json}'s artifacts. */
final class CaptureArtifacts {
    static final String WACZ = CaptureFolder.WACZ;
    static final String WARC = CaptureFolder.WARC;
    static final String RESOURCES = CaptureFolder.RESOURCES;
    /** File name to role, in the order they are listed. */
    private static final List<Map.Entry<String, String>> ROLES = List.of(
            Map.entry(PageSteps.SCREENSHOT_BEFORE_ACTIONS, "screenshot-before-actions"),
            Map.entry(PageSteps.SCREENSHOT_VIEWPORT, "screenshot-viewport"),
            Map.entry(PageSteps.SCREENSHOT_FULL, "screenshot-full"),
            Map.entry(PageSteps.DOM, "dom"),
            Map.entry(PageSteps.MHTML, "mhtml"),
            Map.entry(PageSteps.PDF, "pdf"),
            Map.entry(PageSteps.PAGE_TEXT, "page-text"),
            Map.entry(WACZ, "wacz"),
            Map.entry(WARC, "warc"));

    private final ArtifactInspector inspector;

    CaptureArtifacts(ArtifactInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * Every file of {@code folder} except the record and its timestamps: the page files first, then the
     * resources by name. {@code resources} maps a resource file name to the resource the extractor wrote to it:
     * the artifact takes its URL, and its SHA-256, which the extractor computed as it wrote the file, so the file
     * is not read again for it. A file the map does not name is hashed here and has no URL. Each of
     * {@code frames} is listed after the page files, role {@code frame-dom}, with the frame's URL. Each of
     * {@code decoded} is listed after the resources, role {@code decoded-image}, with its blob URL or canvas.
     */
    List<Artifact> inspect(Path folder, Map<String, Resource> resources, List<PageFrame> frames,
                           List<DecodedImage> decoded) throws IOException {
        List<Artifact> out = new ArrayList<>();
        for (Map.Entry<String, String> e : ROLES) {
            Path file = folder.resolve(e.getKey());
            if (Files.isRegularFile(file)) {
                out.add(inspector.inspect(file, e.getKey(), e.getValue()));
            }
        }
        for (PageFrame f : frames) {
            Path file = folder.resolve(f.file());
            if (Files.isRegularFile(file)) {
                out.add(inspector.inspect(file, f.file(), "frame-dom").withUrl(f.url()));
            }
        }
        Path dir = folder.resolve(RESOURCES);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    Resource r = resources.get(name);
                    out.add(inspector.inspect(file, RESOURCES + "/" + name, "resource",
                            r == null ? null : new Sha256(r.sha256())).withUrl(r == null ? null : r.url()));
                }
            }
        }
        for (DecodedImage d : decoded) {
            Path file = folder.resolve(d.file());
            if (Files.isRegularFile(file)) {
                out.add(inspector.inspect(file, d.file(), "decoded-image").withUrl(d.url()));
            }
        }
        return out;
    }

    /** Removes what no record would list: half-written files a timed-out step left behind. */
    static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && ROLES.stream().noneMatch(e -> e.getKey().equals(name))) {
                    Files.delete(f);
                }
            }
        }
        for (String sub : List.of(CaptureFolder.FRAMES, CaptureFolder.DECODED)) {
            Path dir = folder.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith(".")).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
    }
}
