package org.exhibit.capture.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.exhibit.capture.proxy.Exchange;

/**
 * Finds the videos of a page: the playlists, manifests and video files its traffic shows (whoever asked for them:
 * the page, a player, a cross-origin frame), then the video sources and links in its DOM. Segments are not
 * candidates: they are kept through their playlist or manifest.
 */
public final class VideoCandidates {
    private static final Pattern FILE = Pattern.compile("(?i).*\\.(mp4|m4v|mov|webm|mkv|ogv|3gp)$");
    private static final Pattern SEGMENT = Pattern.compile("(?i).*\\.(ts|m4s|m4a|m4v|cmfv|cmfa|aac|key)$");

    /**
     * The script that lists the page's video sources and video links (http and https only): run in the page,
     * it returns {@code {videos: [...], links: [...]}}.
     */
    public static final String DOM_SCRIPT = """
            const http = u => typeof u === 'string' && /^https?:/i.test(u);
            const out = {videos: [], links: []};
            document.querySelectorAll('video, audio').forEach(v => {
              [v.currentSrc, v.src].filter(http).forEach(u => out.videos.push(u));
              v.querySelectorAll('source[src]').forEach(s => http(s.src) && out.videos.push(s.src));
            });
            document.querySelectorAll('a[href]').forEach(a => {
              const path = a.href.split(/[?#]/)[0];
              if (http(a.href) && (/\\.(mp4|m4v|mov|webm|mkv|ogv|m3u8|mpd)$/i.test(path)
                  || (a.hasAttribute('download') && /^video\\//i.test(a.type || '')))) out.links.push(a.href);
            });
            return out;""";

    private VideoCandidates() {
    }

    /**
     * @param exchanges what the recording proxy saw, in order
     * @param videos    the page's video and source URLs
     * @param links     the page's links to video files, playlists or manifests
     */
    public static List<Candidate> find(List<Exchange> exchanges, List<String> videos, List<String> links) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (Exchange ex : exchanges) {
            if (!ex.method().equals("GET") || ex.status() < 200 || ex.status() > 299) {
                continue;
            }
            String type = ex.contentType() == null ? "" : ex.contentType().toLowerCase(Locale.ROOT);
            String path = path(ex.uri());
            if (type.contains("mpegurl") || path.endsWith(".m3u8")) {
                add(out, Candidate.HLS, ex.uri());
            } else if (type.contains("dash+xml") || path.endsWith(".mpd")) {
                add(out, Candidate.DASH, ex.uri());
            } else if ((type.startsWith("video/") && !type.contains("mp2t") && !type.contains("iso.segment")
                    && !SEGMENT.matcher(path).matches()) || FILE.matcher(path).matches() && type.startsWith("video/")) {
                add(out, Candidate.PROGRESSIVE, ex.uri());
            }
        }
        for (String url : videos) {
            add(out, kindOf(url, Candidate.PROGRESSIVE), url);
        }
        for (String url : links) {
            add(out, kindOf(url, Candidate.LINK), url);
        }
        return new ArrayList<>(out.values());
    }

    private static String kindOf(String url, String file) {
        String path = path(url);
        return path.endsWith(".m3u8") ? Candidate.HLS : path.endsWith(".mpd") ? Candidate.DASH : file;
    }

    private static void add(Map<String, Candidate> out, String kind, String url) {
        out.putIfAbsent(key(url), new Candidate(kind, withoutFragment(url)));
    }

    static String key(String url) {
        return withoutFragment(url);
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String path(String url) {
        String u = withoutFragment(url);
        int q = u.indexOf('?');
        return (q < 0 ? u : u.substring(0, q)).toLowerCase(Locale.ROOT);
    }
}
