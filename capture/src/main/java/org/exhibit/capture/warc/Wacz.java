package org.exhibit.capture.warc;

import java.nio.file.Path;
import java.util.List;

/**
 * A WACZ file written by {@link WaczWriter}.
 *
 * @param path      the file
 * @param size      its size in bytes
 * @param sha256    SHA-256 of the whole file, lower-case hex
 * @param indexed   number of CDXJ lines (response and resource records)
 * @param resources the entries listed in its datapackage.json
 */
public record Wacz(Path path, long size, String sha256, int indexed, List<Entry> resources) {

    /**
     * One resource of datapackage.json.
     *
     * @param name  file name
     * @param path  path inside the WACZ
     * @param hash  {@code sha256:<hex>}
     * @param bytes size in bytes
     */
    public record Entry(String name, String path, String hash, long bytes) {
    }
}
