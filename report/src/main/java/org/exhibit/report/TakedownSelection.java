package org.exhibit.report;

import java.util.List;

/**
 * What a notice names: the content the victim marks as abusive, never everything a page loaded.
 *
 * @param only    captures ("captures/0002"), artifacts of a capture ("captures/0002/resources/ab12….jpg") or
 *                captured URLs (of a page, an image or a video) chosen by hand
 * @param matches captured images and videos that match the victim's hash list (found by the caller, which does
 *                the matching: the report reads records only)
 */
public record TakedownSelection(List<String> only, List<Match> matches) {
    public TakedownSelection {
        only = only == null ? List.of() : List.copyOf(only);
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    /** Nothing chosen. */
    public boolean isEmpty() {
        return only.isEmpty() && matches.isEmpty();
    }

    /**
     * A captured artifact that matches an entry of the hash list.
     *
     * @param source "captures/0002" (a match in an ingested item, "files/0003", names no URL and is left out)
     * @param path   the artifact's path in the capture folder
     * @param how    the match in words, e.g. "PDQ distance 4 of 256 bits to mine.jpg (31 or less is a match)"
     */
    public record Match(String source, String path, String how) {
    }
}
