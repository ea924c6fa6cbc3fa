package org.exhibit.capture.recheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.format.layout.RecordRef;

/**
 * A capture as a recheck compares it: its visible text ({@code page-text.txt}) and its images and videos.
 *
 * @param subject {@code captures/0005}
 * @param folder  the capture folder
 * @param record  its {@code capture.json}
 */
public record Snapshot(String subject, Path folder, CaptureRecord record) {
    /** The roles of the files that are the page's media (not screenshots or prints of it). */
    static final Set<String> MEDIA_ROLES = Set.of("resource", "decoded-image", "video");

    /** Reads the capture folder's record. */
    public static Snapshot read(String subject, Path folder) throws IOException {
        Path file = folder.resolve(CaptureFolder.RECORD);
        try {
            return new Snapshot(subject, folder,
                    (CaptureRecord) EvidenceRecord.read(RecordRef.Kind.CAPTURE, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The visible text, or "" when the capture kept none. */
    public String text() throws IOException {
        Path file = folder.resolve(CaptureFolder.PAGE_TEXT);
        boolean listed = record.artifacts() != null
                && record.artifacts().stream().anyMatch(a -> a.path().equals(CaptureFolder.PAGE_TEXT));
        return listed && Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** The distinct non-blank lines of the visible text, whitespace collapsed, in order. */
    public Set<String> lines() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text().split("\r\n|\r|\n")) {
            String l = line.strip().replaceAll("\\s+", " ");
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** The images and videos the page loaded, made or played. */
    public List<Artifact> media() {
        List<Artifact> out = new ArrayList<>();
        for (Artifact a : record.artifacts() == null ? List.<Artifact>of() : record.artifacts()) {
            String type = a.mediaType() == null ? "" : a.mediaType();
            if (MEDIA_ROLES.contains(a.role()) && (type.startsWith("image/") || type.startsWith("video/"))) {
                out.add(a);
            }
        }
        return out;
    }
}
