package org.exhibit.format.record;

import java.util.List;
import java.util.Map;

/**
 * One file listed in a {@code capture.json} or {@code item.json}: where it is (relative to the record's
 * folder), what it is, and its hashes. The verifier needs only {@code path} and {@code sha256}; the rest
 * describes the evidence for people and for hash-matching services.
 *
 * @param path      path relative to the folder holding the record, with '/' separators
 * @param role      what the file is in the capture or item, e.g. "screenshot-full", "warc", "resource", "original"
 * @param mediaType media type detected from content (Apache Tika), never from the name
 * @param size      size in bytes
 * @param sha256    lower-case hex SHA-256 of the bytes
 * @param md5       lower-case hex MD5, for video and other files that hash-matching services take by MD5; else null
 * @param pdq       PDQ perceptual hash for images, else null
 * @param exif      compact EXIF/GPS/XMP summary for images (camera, dates, GPS, software, orientation), else null
 * @param document  document metadata extracted by Tika (author, created, producer ...), else null
 * @param emails    for an e-mail (one) or an mbox (one per message), each message's Received chain, authentication
 *                  headers and sender mismatches; else null
 * @param ocr       for text recognised in an image ({@code derived/ocr.txt}), how it was read; else null
 * @param url       for a resource the page loaded, the URL it was loaded from; else null
 * @param warnings  what could not be extracted and why; empty when nothing went wrong
 */
public record Artifact(String path, String role, String mediaType, long size, String sha256, String md5, Pdq pdq,
                       Map<String, Object> exif, Map<String, String> document, List<EmailHeaders> emails, Ocr ocr, String url, List<String> warnings) {

    public Artifact {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        emails = emails == null ? null : List.copyOf(emails);
    }

    /** An artifact with no metadata beyond its hash and media type. */
    public static Artifact of(String path, String role, String mediaType, long size, String sha256) {
        return new Artifact(path, role, mediaType, size, sha256, null, null, null, null, null, null, null, List.of());
    }

    public Artifact withUrl(String sourceUrl) {
        return new Artifact(path, role, mediaType, size, sha256, md5, pdq, exif, document, emails, ocr, sourceUrl, warnings);
    }

    public Artifact withOcr(Ocr reading) {
        return new Artifact(path, role, mediaType, size, sha256, md5, pdq, exif, document, emails, reading, url, warnings);
    }

    /**
     * How the text of an image was recognised: by a machine, never checked by a person.
     *
     * @param machineRead    always true: the text is OCR output, not a transcription
     * @param engine         the OCR engine and version ("tesseract 5.3.0")
     * @param languages      the language models used ("eng")
     * @param image          the image read: the item's file, in the same folder
     * @param words          how many words were recognised
     * @param meanConfidence the engine's mean word confidence, 0 to 100
     */
    public record Ocr(boolean machineRead, String engine, String languages, String image, int words,
                      double meanConfidence) {
    }

    /**
     * A PDQ perceptual hash.
     *
     * @param hash     256 bits as 64 hex characters
     * @param quality  0-100; under 50 the hash is unreliable for matching
     */
    public record Pdq(String hash, int quality) {
        public boolean reliable() {
            return quality >= 50;
        }
    }
}
