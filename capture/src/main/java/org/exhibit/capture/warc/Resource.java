package org.exhibit.capture.warc;

import java.nio.file.Path;

/**
 * One image or media file a page loaded, as written to {@code resources/}.
 *
 * @param url       the URL it was fetched from
 * @param path      the file written, {@code resources/<sha256>.<ext>} (shared when two URLs sent the same bytes)
 * @param sha256    SHA-256 of the decoded bytes, lower-case hex
 * @param size      decoded size in bytes
 * @param mediaType the media type the server declared (Content-Type without parameters), or null
 * @param warcRecordId the WARC-Record-ID of the response record it came from
 */
public record Resource(String url, Path path, String sha256, long size, String mediaType, String warcRecordId) {
}
