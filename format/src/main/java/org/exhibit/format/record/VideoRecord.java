package org.exhibit.format.record;

import java.util.List;

/**
 * One video a captured page played, embedded or linked to, kept as one playable file ({@code videos/<sha256>.<ext>},
 * listed among the record's artifacts with its SHA-256 and MD5) remuxed without re-encoding from bytes that all
 * went through the capture's recording proxy (docs/FORMAT.md, "Videos").
 *
 * @param kind           how it was offered: {@code hls}, {@code dash}, {@code progressive} (a file the player
 *                       loaded, whole or in ranges) or {@code link} (an {@code <a href>} or download link)
 * @param url            the playlist, manifest or file URL
 * @param page           the page that showed or linked it (the capture's final URL)
 * @param rendition      the rendition kept: the best the server offered, whatever the player chose
 * @param file           the playable file's path in the capture folder; null when nothing playable was made
 * @param duration       its duration in seconds, as ffprobe reads it
 * @param segments       how many segments the rendition has (1 for a single file)
 * @param segmentsFetched how many of them were fetched whole
 * @param complete       every byte of the rendition was fetched and the file made from them
 * @param live           the playlist never ended (no {@code #EXT-X-ENDLIST}): recorded for a bounded time
 * @param vpdq           the vPDQ hash file's path in the capture folder (one line per sampled frame), or null
 * @param exchanges      the WARC-Record-IDs of the request records of every exchange the file was made from
 * @param warnings       what was cut, failed or is missing, one line each
 */
public record VideoRecord(String kind, String url, String page, Rendition rendition, String file, Double duration,
                          int segments, int segmentsFetched, boolean complete, boolean live, String vpdq,
                          List<String> exchanges, List<String> warnings) {
    public VideoRecord {
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A rendition as the server described it, completed by ffprobe.
     *
     * @param width     pixels
     * @param height    pixels
     * @param bandwidth bits per second the playlist or manifest declares; null when it declares none
     * @param codecs    the codecs string as declared ("avc1.64001e,mp4a.40.2"), or as ffprobe names them
     */
    public record Rendition(Integer width, Integer height, Long bandwidth, String codecs) {
    }
}
