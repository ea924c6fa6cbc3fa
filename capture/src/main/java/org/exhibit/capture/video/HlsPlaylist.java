package org.exhibit.capture.video;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an HLS playlist (RFC 8216) that keeping a video needs: a master playlist's variants and audio
 * renditions, a media playlist's segments with their keys and initialisation sections, its media sequence and
 * whether it ends. URIs are resolved against the playlist's own URL.
 */
final class HlsPlaylist {
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");

    /** A variant stream of a master playlist. */
    record Variant(String uri, long bandwidth, Integer width, Integer height, String codecs, String audio) {
    }

    /** An {@code #EXT-X-MEDIA} rendition (an audio track in a group). */
    record Rendition(String type, String group, String uri, boolean isDefault) {
    }

    /** An {@code #EXT-X-KEY}: METHOD NONE, AES-128 or SAMPLE-AES, with its key URI and IV. */
    record Key(String method, String uri, String iv) {
    }

    /**
     * One media segment, with the key and initialisation section (EXT-X-MAP) in force for it, and the key that was
     * in force where that section was declared (RFC 8216: a key applies to the sections declared after it).
     */
    record Segment(long sequence, String uri, double duration, Key key, String map, Key mapKey) {
    }

    record Master(List<Variant> variants, List<Rendition> renditions) {
        /** The variant with the most bandwidth (then the most pixels): the best the server offers. */
        Variant best() {
            Variant best = null;
            for (Variant v : variants) {
                if (best == null || v.bandwidth() > best.bandwidth() || (v.bandwidth() == best.bandwidth()
                        && pixels(v) > pixels(best))) {
                    best = v;
                }
            }
            return best;
        }

        /** The audio rendition of a variant's group that has its own playlist: the default one, else the first. */
        Rendition audioOf(Variant v) {
            Rendition first = null;
            for (Rendition r : renditions) {
                if ("AUDIO".equals(r.type()) && r.group().equals(v.audio()) && r.uri() != null) {
                    if (r.isDefault()) {
                        return r;
                    }
                    first = first == null ? r : first;
                }
            }
            return first;
        }

        private static long pixels(Variant v) {
            return v.width() == null || v.height() == null ? 0 : (long) v.width() * v.height();
        }
    }

    record Media(long targetDuration, long firstSequence, List<Segment> segments, boolean ended) {
    }

    private HlsPlaylist() {
    }

    static boolean isMaster(String text) {
        return text.contains("#EXT-X-STREAM-INF");
    }

    static Master master(String text, String base) {
        List<Variant> variants = new ArrayList<>();
        List<Rendition> renditions = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                Map<String, String> a = attributes(line.substring(line.indexOf(':') + 1));
                String uri = null;
                while (++i < lines.length) {
                    String next = lines[i].strip();
                    if (!next.isEmpty() && !next.startsWith("#")) {
                        uri = next;
                        break;
                    }
                }
                if (uri == null) {
                    break;
                }
                Integer w = null;
                Integer h = null;
                String res = a.get("RESOLUTION");
                if (res != null && res.matches("\\d+x\\d+")) {
                    w = Integer.parseInt(res.substring(0, res.indexOf('x')));
                    h = Integer.parseInt(res.substring(res.indexOf('x') + 1));
                }
                variants.add(new Variant(resolve(base, uri), number(a.get("BANDWIDTH")), w, h, a.get("CODECS"),
                        a.get("AUDIO")));
            } else if (line.startsWith("#EXT-X-MEDIA:")) {
                Map<String, String> a = attributes(line.substring(line.indexOf(':') + 1));
                renditions.add(new Rendition(a.get("TYPE"), a.getOrDefault("GROUP-ID", ""),
                        a.get("URI") == null ? null : resolve(base, a.get("URI")), "YES".equals(a.get("DEFAULT"))));
            }
        }
        return new Master(variants, renditions);
    }

    static Media media(String text, String base) {
        List<Segment> segments = new ArrayList<>();
        long target = 0;
        long sequence = 0;
        long first = 0;
        boolean ended = false;
        double duration = 0;
        Key key = new Key("NONE", null, null);
        String map = null;
        Key mapKey = key;
        for (String raw : text.split("\\r?\\n")) {
            String line = raw.strip();
            if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = number(line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = number(line.substring(line.indexOf(':') + 1));
                first = sequence;
            } else if (line.startsWith("#EXTINF:")) {
                String d = line.substring(line.indexOf(':') + 1);
                duration = Double.parseDouble(d.contains(",") ? d.substring(0, d.indexOf(',')) : d);
            } else if (line.startsWith("#EXT-X-KEY:")) {
                Map<String, String> a = attributes(line.substring(line.indexOf(':') + 1));
                key = new Key(a.getOrDefault("METHOD", "NONE"), a.get("URI") == null ? null : resolve(base, a.get("URI")),
                        a.get("IV"));
            } else if (line.startsWith("#EXT-X-MAP:")) {
                String uri = attributes(line.substring(line.indexOf(':') + 1)).get("URI");
                map = uri == null ? null : resolve(base, uri);
                mapKey = key;
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                segments.add(new Segment(sequence++, resolve(base, line), duration, key, map, mapKey));
                duration = 0;
            }
        }
        return new Media(target, first, segments, ended);
    }

    static Map<String, String> attributes(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(list);
        while (m.find()) {
            String v = m.group(2);
            out.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return out;
    }

    static String resolve(String base, String uri) {
        return URI.create(base).resolve(uri.strip()).toString();
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
