package org.exhibit.metadata.hashlist;

import java.io.IOException;
import java.nio.file.Path;
import org.exhibit.metadata.vpdq.VpdqHashFile;

/**
 * An entry as a list on disk holds it, a CSV line or a JSON object: the fields of {@link HashEntry}, with
 * {@code vpdq} naming the video's vPDQ file instead of holding the hash.
 *
 * @param vpdq the vPDQ file's path relative to the list's folder, '/'-separated; null when there is none
 */
record HashRow(String pdq, Integer quality, String md5, String sha256, String mediaType, String source, String path,
               String url, String vpdq) {

    static HashRow of(HashEntry e, String vpdqFile) {
        return new HashRow(e.pdq(), e.quality(), e.md5(), e.sha256(), e.mediaType(), e.source(), e.path(), e.url(),
                vpdqFile);
    }

    /**
     * The entry, its PDQ hex checked and its vPDQ file read from {@code listDir}.
     *
     * @throws IllegalArgumentException when the PDQ hash or the vPDQ file is malformed
     * @throws IOException              when the vPDQ file lies outside {@code listDir} or cannot be read
     */
    HashEntry entry(Path listDir) throws IOException {
        HashEntry e = new HashEntry(pdq, quality, md5, sha256, mediaType, source, path, url, null);
        e.pdqHash(); // validates the hex
        if (vpdq == null) {
            return e;
        }
        Path dir = listDir.toAbsolutePath().normalize();
        Path file = dir.resolve(vpdq).normalize();
        if (Path.of(vpdq).isAbsolute() || !file.startsWith(dir) || file.equals(dir)) {
            throw new IOException("expected a vPDQ file inside the list's folder " + dir + ", got " + vpdq);
        }
        return e.withVpdq(VpdqHashFile.read(file));
    }
}
