package org.exhibit.capture.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches one HLS media playlist's segments, keys and initialisation sections into a folder and writes a playlist
 * that names the local copies, for ffmpeg to join. A playlist without {@code #EXT-X-ENDLIST} is live: it is read
 * again every target duration, new segments fetched, until the live bound.
 */
final class HlsDownload {
    private static final int MAX_PLAYLIST = 8 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MediaClient client;
    private final VideoHarvester.Assembly a;
    private final VideoHarvester harvester;
    private final Map<String, String> local = new LinkedHashMap<>();

    HlsDownload(MediaClient client, VideoHarvester.Assembly a, VideoHarvester harvester) {
        this.client = client;
        this.a = a;
        this.harvester = harvester;
    }

    /**
     * @param url  the media playlist
     * @param text its text when already read, else null
     * @return the local playlist for ffmpeg
     */
    Path fetch(String url, String text) throws IOException, InterruptedException {
        String prefix = "p" + a.dir.toFile().list().length + "-";
        if (text == null) {
            text = client.text(url, MAX_PLAYLIST, TIMEOUT);
            a.fetched.add(url);
        }
        HlsPlaylist.Media media = HlsPlaylist.media(text, url);
        List<HlsPlaylist.Segment> kept = new ArrayList<>();
        long next = media.firstSequence();
        Instant liveUntil = Instant.now().plus(harvester.options().liveBound());
        boolean stopped = false;
        while (true) {
            for (HlsPlaylist.Segment s : media.segments()) {
                if (s.sequence() < next) {
                    continue;
                }
                a.segments++;
                if (stopped || !part(s, prefix)) {
                    stopped = true;
                    continue;
                }
                kept.add(s);
                a.segmentsFetched++;
                next = s.sequence() + 1;
            }
            if (media.ended() || stopped) {
                break;
            }
            a.live = true;
            if (Instant.now().isAfter(liveUntil) || Instant.now().isAfter(harvester.deadline())) {
                a.cut("a live stream (a playlist that never ends): recorded for "
                        + harvester.options().liveBound().toSeconds() + " s");
                break;
            }
            Thread.sleep(Math.max(500, Math.min(10_000, media.targetDuration() * 1000 / 2)));
            media = HlsPlaylist.media(client.text(url, MAX_PLAYLIST, TIMEOUT), url);
        }
        return write(kept, media.targetDuration(), prefix);
    }

    /** Fetches a segment with its key and map; false when a bound stopped it. */
    private boolean part(HlsPlaylist.Segment s, String prefix) throws IOException, InterruptedException {
        for (HlsPlaylist.Key k : new HlsPlaylist.Key[] {s.key(), s.mapKey()}) {
            if (k != null && k.uri() != null && !"NONE".equals(k.method()) && !local.containsKey(k.uri())
                    && !get(k.uri(), prefix + "key-" + local.size() + ".key")) {
                return false;
            }
        }
        if (s.map() != null && !local.containsKey(s.map()) && !get(s.map(), prefix + "init-" + local.size() + ".mp4")) {
            return false;
        }
        String ext = s.uri().replaceAll("[?#].*$", "");
        ext = ext.contains(".") ? ext.substring(ext.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "ts";
        return get(s.uri(), prefix + "seg-" + s.sequence() + "." + (ext.matches("[a-z0-9]{1,5}") ? ext : "ts"));
    }

    private boolean get(String url, String name) throws IOException, InterruptedException {
        if (!harvester.fetch(a, url, a.dir.resolve(name))) {
            return false;
        }
        local.put(url, name);
        return true;
    }

    /**
     * An AES-128 key without an IV decrypts with the segment's sequence number as IV: say it explicitly, so that a
     * segment missed in between (a live window that moved) cannot shift the others' IVs.
     */
    private static HlsPlaylist.Key explicit(HlsPlaylist.Key k, long sequence) {
        return k != null && "AES-128".equals(k.method()) && k.iv() == null
                ? new HlsPlaylist.Key(k.method(), k.uri(), String.format("0x%032x", sequence)) : k;
    }

    /** Writes a key line when the key in force changes; returns the key in force. */
    private HlsPlaylist.Key key(StringBuilder m3u8, HlsPlaylist.Key k, HlsPlaylist.Key current) {
        if (k == null || k.equals(current)) {
            return current;
        }
        m3u8.append("#EXT-X-KEY:METHOD=").append(k.method());
        if (k.uri() != null && !"NONE".equals(k.method())) {
            m3u8.append(",URI=\"").append(local.get(k.uri())).append('"');
        }
        if (k.iv() != null && !"NONE".equals(k.method())) {
            m3u8.append(",IV=").append(k.iv());
        }
        m3u8.append('\n');
        return k;
    }

    private Path write(List<HlsPlaylist.Segment> segments, long target, String prefix) throws IOException {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:")
                .append(Math.max(1, target)).append('\n');
        if (!segments.isEmpty()) {
            m3u8.append("#EXT-X-MEDIA-SEQUENCE:").append(segments.get(0).sequence()).append('\n');
        }
        HlsPlaylist.Key key = null;
        String map = null;
        long expected = segments.isEmpty() ? 0 : segments.get(0).sequence();
        for (HlsPlaylist.Segment s : segments) {
            if (s.sequence() != expected) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            expected = s.sequence() + 1;
            if (s.map() != null && !s.map().equals(map)) {
                map = s.map();
                key = key(m3u8, explicit(s.mapKey(), s.sequence()), key);
                m3u8.append("#EXT-X-MAP:URI=\"").append(local.get(map)).append("\"\n");
            }
            key = key(m3u8, explicit(s.key(), s.sequence()), key);
            m3u8.append("#EXTINF:").append(s.duration()).append(",\n").append(local.get(s.uri())).append('\n');
        }
        m3u8.append("#EXT-X-ENDLIST\n");
        Path out = a.dir.resolve(prefix + "local.m3u8");
        Files.writeString(out, m3u8, StandardCharsets.UTF_8);
        return out;
    }
}
