package org.exhibit.capture.proxy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the {@code warcinfo} record at the start of a proxy's WARC says about the file.
 *
 * @param filename its {@code WARC-Filename}: the name the file is read under, which is not always the name it is
 *                 written under (a capture's WARC ends up in its WACZ as {@code archive/data.warc.gz})
 * @param software its {@code software} field: what wrote the file, with a version, e.g. {@code Exhibit 0.1.0}
 */
public record WarcFileInfo(String filename, String software) {
    public WarcFileInfo {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(software, "software");
        if (filename.isBlank() || filename.contains("/")) {
            throw new IllegalArgumentException("expected a file name without folders, got \"" + filename + "\"");
        }
    }

    /** The file's own name, written by the recording proxy. */
    static WarcFileInfo of(Path warc) {
        return new WarcFileInfo(warc.getFileName().toString(), "Exhibit recording proxy");
    }
}
