package org.exhibit.format.custody;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.json.Json;

/**
 * The {@code details} of each custody-log action, typed (docs/FORMAT.md, "custody/events.jsonl"): written with
 * {@link #of(Record)}, read with {@link #read(CustodyEvent, Class)}. A field that is null is left out.
 */
public final class EventDetails {
    private EventDetails() {
    }

    /** {@code case-opened}. */
    public record CaseOpened(String caseId, String title) {
    }

    /**
     * {@code captured}: a capture folder's record was written.
     *
     * @param record    the record's file name in its folder
     * @param sha256    SHA-256 of the record
     * @param artifacts how many files the record lists; null for a recovered line
     * @param recovered why the line was written after the fact (the run that captured stopped first); else null
     */
    public record Captured(String url, String finalUrl, String outcome, String record, String sha256,
                           Integer artifacts, String recovered) {
    }

    /** {@code ingested}: a file was copied into an item folder and its record written. */
    public record Ingested(String originalName, String path, long size, String sha256, String mediaType,
                           String record, String recordSha256) {
    }

    /** {@code timestamped}: a record's token arrived and was kept as {@code tsr} beside it. */
    public record Timestamped(String record, String sha256, String tsr, String tsa, String url, Instant genTime,
                              String serial, String policy, String nonce, long clockOffsetMillis,
                              List<String> warnings) {
    }

    /**
     * {@code timestamp-pending}: a TSA gave no token ({@code tsas} names each; null in lines written before
     * that field); {@code exhibit stamp} completes it later.
     */
    public record TimestampPending(String record, String sha256, String error, List<String> attempts,
                                   List<String> tsas) {
    }

    /** {@code sealed}: written just before the bundle, and bound by its manifest. */
    public record Sealed(String file, int payloadFiles, long payloadBytes, int captures, int items,
                         List<String> pendingStamps) {
    }

    /** {@code exported}: the bundle is on disk, with this many bytes. */
    public record Exported(String file, long bytes, String payloadManifestSha256) {
    }

    /** {@code seal-failed}: sealing stopped after the {@code sealed} line. */
    public record SealFailed(String file, String error) {
    }

    /**
     * {@code rechecked}: a URL captured before was captured again ({@code subject} is the new capture) and compared
     * with its previous capture.
     *
     * @param url              the URL as given
     * @param verdict          {@link RecheckVerdict}: gone, back, changed, unchanged or unreachable
     * @param reason           why, in one line: "HTTP 410", "the page now says \"this content is no longer available\"",
     *                         "2 text lines added, 1 image added", ...
     * @param run              the recheck run (a SHA-256), shared by the captures of one {@code exhibit recheck}
     * @param previous         the previous capture of the URL, {@code captures/0001}
     * @param comparedWith     the capture text and media were compared with: the last one that found the page online
     *                         (the previous capture, unless it found the page gone); null when none did
     * @param status           the new capture's HTTP status, or null when no answer came
     * @param textLinesAdded   lines of visible text in the new capture and not in {@code comparedWith}
     * @param textLinesRemoved lines of visible text in {@code comparedWith} and not in the new capture
     * @param textAdded        the first of those added lines (at most 10, each at most 200 characters)
     * @param textRemoved      the first of those removed lines (the same bounds)
     * @param mediaAdded       images and videos of the new capture (paths in its folder) found neither by SHA-256 nor,
     *                         for images, by PDQ (31 bits) in {@code comparedWith}
     * @param mediaRemoved     images and videos of {@code comparedWith} (paths in its folder) not in the new capture
     * @param reuploads        images and videos of the new capture that match the victim's hash lists
     */
    public record Rechecked(String url, String verdict, String reason, String run, String previous, String comparedWith,
                            Integer status, Integer textLinesAdded, Integer textLinesRemoved, List<String> textAdded,
                            List<String> textRemoved, List<String> mediaAdded, List<String> mediaRemoved,
                            List<Reupload> reuploads) {
    }

    /**
     * An image or video of a recheck that matches an entry of a hash list.
     *
     * @param artifact the file, from the case's {@code data/}: {@code captures/0007/resources/<sha256>.jpg}
     * @param url      where the capture found it
     * @param method   {@code pdq} (an image within the threshold), {@code md5} (the same file) or {@code vpdq} (a video)
     * @param distance the PDQ distance in bits; 0 for md5; null for vpdq
     * @param share    for vpdq, the percentage of the captured video's frames found in the listed video; else null
     * @param listed   the listed entry: its source or path as the list names it
     */
    public record Reupload(String artifact, String url, String method, Integer distance, Double share, String listed) {
    }

    /**
     * {@code notice-drafted}: {@code exhibit takedown} wrote a notice into a folder (subject {@code notice:<sha256>}).
     *
     * @param kind      {@link #HOST_NOTICE} (a removal request to a host) or {@link #DELISTING_NOTICE} (to search engines)
     * @param host      the host the notice is for; null for a delisting notice
     * @param addressee the abuse contacts a lookup found ("abuse@registrar.example; noc@hosting.example"), or null
     *                  when none was looked up or found
     * @param file      the notice's text file name ({@code takedown-social.example.txt}); its PDF has the same base name
     * @param sha256    SHA-256 of that text file
     * @param pdfSha256 SHA-256 of the PDF beside it
     * @param urls      every URL the notice names: the pages and the images and videos they show
     */
    public record NoticeDrafted(String kind, String host, String addressee, String file, String sha256,
                                String pdfSha256, List<String> urls) {
    }

    /** {@link NoticeDrafted#kind()} of a removal request to a host. */
    public static final String HOST_NOTICE = "host";
    /** {@link NoticeDrafted#kind()} of a search-engine delisting request. */
    public static final String DELISTING_NOTICE = "search-delisting";

    /** The details as the log writes them: the record's fields in order, nulls left out. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Record details) {
        return Json.MAPPER.convertValue(details, LinkedHashMap.class);
    }

    /** An event's details as the given type; fields it lacks are null. */
    public static <T extends Record> T read(CustodyEvent event, Class<T> type) {
        return Json.MAPPER.convertValue(event.details(), type);
    }
}
