package org.exhibit.capture.videosite;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The HTML pages of the {@link VideoSite}; each names its uploader and upload date in visible text. */
final class VideoPages {
    /** The pages {@code /iframe.html?src=...} may embed; without {@code src} it embeds the first. */
    static final List<String> EMBEDDABLE = List.of(VideoSite.HLS_TS_PAGE, VideoSite.PROGRESSIVE_PAGE,
            VideoSite.HLS_FMP4_AES_PAGE, VideoSite.DASH_PAGE, VideoSite.LIVE_PAGE);

    private VideoPages() {
    }

    /**
     * The page at {@code path}, or null when there is none. {@code query} is the request's raw query (for
     * iframe.html's {@code src}); {@code crossOrigin} makes a URL on the site's other origin.
     */
    static String page(String path, String query, Function<String, URI> crossOrigin) {
        return switch (path) {
            case "/", "/index.html" -> index();
            case VideoSite.HLS_TS_PAGE -> player("Test pattern, HLS with MPEG-TS segments",
                    "<video data-hls=\"" + VideoSite.HLS_TS_MASTER + "\" width=\"320\" height=\"180\" muted autoplay playsinline"
                            + " controls></video>", "/lib/hls.min.js", "/lib/hls-player.js");
            case VideoSite.HLS_FMP4_AES_PAGE -> player("Test pattern, HLS with encrypted fMP4 segments",
                    "<video data-hls=\"" + VideoSite.HLS_FMP4_AES_MASTER + "\" width=\"320\" height=\"180\" muted autoplay"
                            + " playsinline controls></video>", "/lib/hls.min.js", "/lib/hls-player.js");
            case VideoSite.DASH_PAGE -> player("Test pattern, MPEG-DASH",
                    "<video data-dash=\"" + VideoSite.DASH_MANIFEST + "\" width=\"640\" height=\"360\" muted autoplay"
                            + " playsinline controls></video>", "/lib/dash-player.js");
            case VideoSite.PROGRESSIVE_PAGE -> player("Test pattern, progressive MP4",
                    "<video src=\"" + VideoSite.PROGRESSIVE_MP4 + "\" width=\"640\" height=\"360\" muted autoplay"
                            + " preload=\"auto\" playsinline controls></video>"
                            + "<script>document.querySelector('video').addEventListener('playing',"
                            + " () => document.body.dataset.player = 'playing');</script>");
            case VideoSite.DOWNLOAD_PAGE -> document("Test pattern, download", "<h1>Test pattern, download</h1>" + BYLINE
                    + "<p><a href=\"" + VideoSite.DOWNLOAD_WEBM + "\" download>Download video</a> (WebM, VP9 and Opus)</p>"
                    + "<p><a href=\"" + VideoSite.PROGRESSIVE_MP4 + "\">The same video as MP4</a></p>");
            case VideoSite.IFRAME_PAGE -> iframe(embedded(query), crossOrigin);
            case VideoSite.LIVE_PAGE -> player("Test pattern, live",
                    "<video data-hls=\"" + VideoSite.LIVE_PLAYLIST + "\" width=\"640\" height=\"360\" muted autoplay"
                            + " playsinline controls></video>", "/lib/hls.min.js", "/lib/hls-player.js");
            default -> null;
        };
    }

    static final String BYLINE = "<p class=\"byline\">uploaded by <a href=\"/channel/test_uploader\">"
            + VideoSite.UPLOADER + "</a> on <time datetime=\"" + VideoSite.UPLOAD_DATE + "\">" + VideoSite.UPLOAD_DATE
            + "</time></p>";

    private static String player(String title, String video, String... scripts) {
        StringBuilder b = new StringBuilder("<h1>").append(title).append("</h1>").append(video).append(BYLINE)
                .append("<p class=\"description\">Six seconds of ffmpeg's testsrc2 pattern with a 440 Hz tone.</p>");
        for (String s : scripts) {
            b.append("<script src=\"").append(s).append("\"></script>");
        }
        return document(title, b.toString());
    }

    private static String embedded(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String src = params.getOrDefault("src", EMBEDDABLE.get(0));
        return EMBEDDABLE.contains(src) ? src : null;
    }

    private static String iframe(String src, Function<String, URI> crossOrigin) {
        if (src == null) {
            return null;
        }
        return document("Test pattern, embedded player", "<h1>Test pattern, embedded player</h1>" + BYLINE
                + "<p>The player below comes from another site.</p>"
                + "<iframe src=\"" + crossOrigin.apply(src) + "\" width=\"700\" height=\"560\""
                + " allow=\"autoplay; fullscreen\" title=\"embedded player\"></iframe>");
    }

    private static String index() {
        StringBuilder b = new StringBuilder("<h1>Exhibit video test site</h1><ul>");
        for (String p : new String[] {VideoSite.HLS_TS_PAGE, VideoSite.HLS_FMP4_AES_PAGE, VideoSite.DASH_PAGE,
                VideoSite.PROGRESSIVE_PAGE, VideoSite.DOWNLOAD_PAGE, VideoSite.IFRAME_PAGE, VideoSite.LIVE_PAGE}) {
            b.append("<li><a href=\"").append(p).append("\">").append(p).append("</a>");
        }
        return document("Exhibit video test site", b.append("</ul>").toString());
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<style>body { font: 16px sans-serif; margin: 20px } video { background: #000 }</style></head><body>"
                + body + "</body></html>\n";
    }
}
