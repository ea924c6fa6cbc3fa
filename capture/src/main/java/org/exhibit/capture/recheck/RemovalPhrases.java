package org.exhibit.capture.recheck;

import java.util.List;
import java.util.Locale;

/**
 * What a platform's page says when the content it showed was taken down, though it answers HTTP 200. A capture
 * is judged gone by this list only when one of these phrases is in its visible text and was not in the text of
 * the last capture that found the page online (so a page that always said "removed" somewhere does not count).
 * Compared case-insensitively, with whitespace collapsed and curly apostrophes made straight.
 */
public final class RemovalPhrases {
    /** The phrases, lower-case. README lists them. */
    public static final List<String> PHRASES = List.of(
            "this content is no longer available",
            "content is no longer available",
            "this page is no longer available",
            "this post is no longer available",
            "this video is no longer available",
            "video unavailable",
            "this content has been removed",
            "this post has been removed",
            "this video has been removed",
            "has been removed",
            "has been deleted",
            "was deleted",
            "account suspended",
            "account has been suspended",
            "this account doesn't exist",
            "removed for violating",
            "page not found");

    private RemovalPhrases() {
    }

    /** The first phrase in {@code now} that is not in {@code before}, or null. */
    public static String newIn(String now, String before) {
        String n = normal(now);
        String b = normal(before);
        for (String p : PHRASES) {
            if (n.contains(p) && !b.contains(p)) {
                return p;
            }
        }
        return null;
    }

    static String normal(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
    }
}
