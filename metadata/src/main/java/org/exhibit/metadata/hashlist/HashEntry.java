package org.exhibit.metadata.hashlist;

import org.exhibit.format.record.Artifact;
import org.exhibit.metadata.pdq.PdqHash;
import org.exhibit.metadata.vpdq.VpdqHash;

/**
 * One line of a hash list: hashes only, never image data.
 *
 * @param pdq       64 hex characters for an image, else null
 * @param quality   PDQ quality 0-100, or null without a PDQ hash
 * @param md5       lower-case hex MD5 (video and other files), else null
 * @param sha256    lower-case hex SHA-256
 * @param mediaType the detected media type
 * @param source    where in the case it is ("captures/0001", "files/0003") or the file given on the command line
 * @param path      the artifact's path within its capture or item folder
 * @param url       where the capture found it, when known
 * @param vpdq      a video's vPDQ hash (one PDQ hash per sampled second), else null; on disk it is a file of its
 *                  own in the reference's text form, which the list names ({@link HashList#write})
 */
public record HashEntry(String pdq, Integer quality, String md5, String sha256, String mediaType, String source,
                        String path, String url, VpdqHash vpdq) {

    /** The entry for an artifact of a capture or item. */
    public static HashEntry of(Artifact a, String source, String fallbackUrl) {
        return new HashEntry(a.pdq() == null ? null : a.pdq().hash(), a.pdq() == null ? null : a.pdq().quality(),
                a.md5(), a.sha256(), a.mediaType(), source, a.path(), a.url() != null ? a.url() : fallbackUrl, null);
    }

    /** Whether a hash-matching service would take it: an image with PDQ, or a video with MD5 or vPDQ. */
    public boolean listable() {
        return pdq != null || vpdq != null || (md5 != null && video());
    }

    /** Whether its media type is a video's. */
    public boolean video() {
        return mediaType != null && mediaType.startsWith("video/");
    }

    /** The PDQ hash, or null. */
    public PdqHash pdqHash() {
        return pdq == null ? null : new PdqHash(pdq, quality == null ? 0 : quality);
    }

    public HashEntry withVpdq(VpdqHash hash) {
        return new HashEntry(pdq, quality, md5, sha256, mediaType, source, path, url, hash);
    }
}
