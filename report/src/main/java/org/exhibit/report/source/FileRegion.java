package org.exhibit.report.source;

import java.nio.file.Path;

/**
 * Where a case file's bytes lie unchanged on this machine: a whole workspace file, or a STORED entry's bytes
 * inside a bundle ZIP. For a tool that must seek in a file rather than stream it (ffmpeg reading a video).
 *
 * @param file   the file on disk that holds them
 * @param offset where they begin in it
 * @param length how many bytes they are
 */
public record FileRegion(Path file, long offset, long length) {
    public FileRegion {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("expected a region at offset 0 or more of 0 or more bytes, got "
                    + length + " bytes at " + offset);
        }
    }
}
