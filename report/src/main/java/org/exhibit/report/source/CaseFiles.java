package org.exhibit.report.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one case, addressed by the '/'-separated paths of the bundle layout ({@code case.json},
 * {@code custody/events.jsonl}, {@code data/captures/0001/capture.json}), whether they lie in a workspace
 * folder or inside a bundle ZIP. Read-only: nothing here writes to the case.
 */
public interface CaseFiles extends Closeable {

    /** Opens a workspace folder or a bundle ZIP, whichever {@code location} is. */
    static CaseFiles open(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return new WorkspaceFiles(location);
        }
        if (Files.isRegularFile(location)) {
            return new BundleFiles(location);
        }
        throw new IOException("expected a case folder or a bundle .zip, got " + location + " (not found)");
    }

    /**
     * Opens an encrypted bundle through its decryption: entries are read from the scratch file that never holds
     * plaintext on disk; no file region is handed out (there is none in plaintext for a tool to seek in).
     */
    static CaseFiles open(org.exhibit.integrity.crypt.DecryptedBundle bundle) throws IOException {
        return new BundleFiles(bundle.source(), org.exhibit.integrity.bundle.SafeZip.open(bundle.name(),
                bundle.channel(), org.exhibit.integrity.bundle.ZipLimits.DEFAULT), false);
    }

    /** Where the case was read from, for people: the folder or the ZIP file. */
    Path location();

    /** True when the case was read from a sealed bundle rather than a workspace. */
    boolean sealed();

    boolean exists(String path);

    /**
     * True when the case was read from an encrypted bundle: then nothing derived from it (a video's stills drawn by
     * ffmpeg into a temporary folder) may be written to disk.
     */
    default boolean encrypted() {
        return false;
    }

    /** Opens a file for streaming; the caller closes it. */
    InputStream open(String path) throws IOException;

    /**
     * Where the bytes of {@code path} lie unchanged on this machine, for a tool that must seek in them (ffmpeg
     * reading a video in place); empty when they do not (an entry compressed inside a bundle: read it with
     * {@link #open}).
     */
    default Optional<FileRegion> region(String path) throws IOException {
        return Optional.empty();
    }

    /** Names (not paths) of the folders directly under {@code dir}, sorted. */
    List<String> folders(String dir) throws IOException;

    /** Names (not paths) of the files directly under {@code dir}, sorted. */
    List<String> files(String dir) throws IOException;

    /** Reads a small file (a record, a certificate) whole, refusing anything larger than {@code limit} bytes. */
    default byte[] readSmall(String path, int limit) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException("expected " + path + " to be at most " + limit + " bytes, got more");
            }
            return bytes;
        }
    }
}
