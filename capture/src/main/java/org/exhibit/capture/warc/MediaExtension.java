package org.exhibit.capture.warc;

import java.util.Locale;
import java.util.Map;

/** The file extension for a declared image, video or audio media type. */
final class MediaExtension {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/pjpeg", "jpg"), Map.entry("image/png", "png"),
            Map.entry("image/apng", "png"), Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"),
            Map.entry("image/avif", "avif"), Map.entry("image/svg+xml", "svg"), Map.entry("image/x-icon", "ico"),
            Map.entry("image/vnd.microsoft.icon", "ico"), Map.entry("image/bmp", "bmp"), Map.entry("image/tiff", "tif"),
            Map.entry("image/heic", "heic"), Map.entry("image/heif", "heif"), Map.entry("image/jxl", "jxl"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/webm", "webm"), Map.entry("video/ogg", "ogv"),
            Map.entry("video/quicktime", "mov"), Map.entry("video/x-matroska", "mkv"), Map.entry("video/mp2t", "ts"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/webm", "weba"),
            Map.entry("audio/aac", "aac"), Map.entry("audio/flac", "flac"));

    private MediaExtension() {
    }

    /** True for image/*, video/* and audio/*. */
    static boolean isMedia(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String t = mediaType.toLowerCase(Locale.ROOT);
        return t.startsWith("image/") || t.startsWith("video/") || t.startsWith("audio/");
    }

    static String of(String mediaType) {
        String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String known = KNOWN.get(t);
        if (known != null) {
            return known;
        }
        String sub = t.substring(t.indexOf('/') + 1).replaceFirst("^(x-|vnd\\.)", "").replaceAll("[^a-z0-9]", "");
        return sub.isEmpty() || sub.length() > 8 ? "bin" : sub;
    }
}
