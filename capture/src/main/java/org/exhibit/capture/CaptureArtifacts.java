package org.exhibit.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** The packaging of the WARC into resources and the WACZ: its resource files by name (see {@link WarcPackaging}). */
    interface Packaging {
        Map<String, Resource> pack() throws IOException;
    }

    /**
     * Every file of {@code folder} except the record and its timestamps: the page files first, then the
     * resources by name. The page files, the frames and the decoded images are inspected while {@code packaging}
     * runs on the calling thread (it reads only the WARC and writes the WACZ and {@code resources/}), the files on
     * threads of their own, as many as the machine has processors; the list comes out in the same order whatever
     * the order they are done in. The packaging's map names, for each resource file, the resource the extractor
     * wrote to it: the artifact takes its URL, and its SHA-256, which the extractor computed as it wrote the file,
     * so the file is not read again for it. A file the map does not name is hashed here and has no URL. Each of
     * {@code frames} is listed after the page files, role {@code frame-dom}, with the frame's URL. Each of
     * {@code decoded} is listed after the resources, role {@code decoded-image}, with its blob URL or canvas.
     */
    List<Artifact> inspect(Path folder, Packaging packaging, List<PageFrame> frames, List<DecodedImage> decoded)
            throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "exhibit-inspect");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Artifact>> pageFiles = new ArrayList<>();
            for (Map.Entry<String, String> e : ROLES) {
                if (!e.getKey().equals(WACZ) && !e.getKey().equals(WARC)) {
                    pageFiles.add(inspect(threads, folder, e.getKey(), e.getValue(), null, null));
                }
            }
            List<Future<Artifact>> frameFiles = new ArrayList<>();
            for (PageFrame f : frames) {
                frameFiles.add(inspect(threads, folder, f.file(), "frame-dom", null, f.url()));
            }
            List<Future<Artifact>> decodedFiles = new ArrayList<>();
            for (DecodedImage d : decoded) {
                decodedFiles.add(inspect(threads, folder, d.file(), "decoded-image", null, d.url()));
            }
            Map<String, Resource> resources = packaging.pack();
            List<Future<Artifact>> packed = new ArrayList<>();
            for (String name : List.of(WACZ, WARC)) {
                packed.add(inspect(threads, folder, name, ROLES.stream().filter(e -> e.getKey().equals(name))
                        .findFirst().orElseThrow().getValue(), null, null));
            }
            List<Future<Artifact>> resourceFiles = new ArrayList<>();
            Path dir = folder.resolve(RESOURCES);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString();
                        Resource r = resources.get(name);
                        resourceFiles.add(inspect(threads, folder, RESOURCES + "/" + name, "resource",
                                r == null ? null : new Sha256(r.sha256()), r == null ? null : r.url()));
                    }
                }
            }
            List<Artifact> out = new ArrayList<>();
            for (List<Future<Artifact>> part : List.of(pageFiles, packed, frameFiles, resourceFiles, decodedFiles)) {
                for (Future<Artifact> f : part) {
                    Artifact a = done(f);
                    if (a != null) {
                        out.add(a);
                    }
                }
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Inspects {@code relative} on one of {@code threads}; null for a file that is not there. */
    private Future<Artifact> inspect(ExecutorService threads, Path folder, String relative, String role, Sha256 sha256,
                                     String url) {
        return threads.submit(() -> {
            Path file = folder.resolve(relative);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Artifact a = inspector.inspect(file, relative, role, sha256);
            return url == null ? a : a.withUrl(url);
        });
    }

    private static Artifact done(Future<Artifact> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the capture's files were inspected", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
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
