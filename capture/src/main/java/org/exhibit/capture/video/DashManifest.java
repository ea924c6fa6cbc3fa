package org.exhibit.capture.video;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a DASH MPD (ISO/IEC 23009-1) that keeping a video needs: every representation of the first
 * period with its initialisation and media segment URLs, from a SegmentTemplate (with or without a
 * SegmentTimeline, $Number$ or $Time$), a SegmentList, or a single BaseURL. Read with DTDs and external
 * entities off.
 */
final class DashManifest {
    private static final Pattern TEMPLATE = Pattern.compile("\\$(RepresentationID|Number|Time|Bandwidth)(%0(\\d+)d)?\\$");

    /** One representation: what it is, and its segments in order (the initialisation segment first, if any). */
    record Representation(String id, String contentType, long bandwidth, Integer width, Integer height,
                          String codecs, String init, List<String> segments) {
        boolean video() {
            return contentType.startsWith("video");
        }

        boolean audio() {
            return contentType.startsWith("audio");
        }
    }

    private DashManifest() {
    }

    static List<Representation> parse(String xml, String url) throws IOException {
        Element mpd;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            mpd = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(url + ": not a readable DASH manifest: " + e.getMessage(), e);
        }
        double total = seconds(mpd.getAttribute("mediaPresentationDuration"));
        String base = baseUrl(mpd, url);
        Element period = child(mpd, "Period");
        if (period == null) {
            throw new IOException(url + ": a DASH manifest without a Period");
        }
        base = baseUrl(period, base);
        if (total <= 0) {
            total = seconds(period.getAttribute("duration"));
        }
        List<Representation> out = new ArrayList<>();
        for (Element set : children(period, "AdaptationSet")) {
            String setBase = baseUrl(set, base);
            for (Element rep : children(set, "Representation")) {
                String type = first(rep.getAttribute("mimeType"), set.getAttribute("mimeType"),
                        set.getAttribute("contentType"));
                Element template = first(child(rep, "SegmentTemplate"), child(set, "SegmentTemplate"));
                Element list = first(child(rep, "SegmentList"), child(set, "SegmentList"));
                String repBase = baseUrl(rep, setBase);
                String id = rep.getAttribute("id");
                long bandwidth = number(rep.getAttribute("bandwidth"));
                String init = null;
                List<String> segments = new ArrayList<>();
                if (template != null) {
                    init = template.hasAttribute("initialization")
                            ? HlsPlaylist.resolve(repBase, fill(template.getAttribute("initialization"), id, bandwidth, 0, 0))
                            : null;
                    segments = templated(template, id, bandwidth, total, repBase);
                } else if (list != null) {
                    Element i = child(list, "Initialization");
                    init = i == null ? null : HlsPlaylist.resolve(repBase, i.getAttribute("sourceURL"));
                    for (Element s : children(list, "SegmentURL")) {
                        segments.add(HlsPlaylist.resolve(repBase, s.getAttribute("media")));
                    }
                } else {
                    segments.add(repBase);
                }
                Integer w = rep.hasAttribute("width") ? (int) number(rep.getAttribute("width")) : null;
                Integer h = rep.hasAttribute("height") ? (int) number(rep.getAttribute("height")) : null;
                out.add(new Representation(id, type, bandwidth, w, h, first(rep.getAttribute("codecs"),
                        set.getAttribute("codecs")), init, segments));
            }
        }
        return out;
    }

    /** The best representation of a kind: the most bandwidth (then pixels). */
    static Representation best(List<Representation> reps, boolean video) {
        Representation best = null;
        for (Representation r : reps) {
            if ((video ? r.video() : r.audio()) && (best == null || r.bandwidth() > best.bandwidth()
                    || (r.bandwidth() == best.bandwidth() && pixels(r) > pixels(best)))) {
                best = r;
            }
        }
        return best;
    }

    private static long pixels(Representation r) {
        return r.width() == null || r.height() == null ? 0 : (long) r.width() * r.height();
    }

    private static List<String> templated(Element t, String id, long bandwidth, double total, String base) {
        List<String> out = new ArrayList<>();
        String media = t.getAttribute("media");
        long number = t.hasAttribute("startNumber") ? number(t.getAttribute("startNumber")) : 1;
        long timescale = t.hasAttribute("timescale") ? number(t.getAttribute("timescale")) : 1;
        Element timeline = child(t, "SegmentTimeline");
        if (timeline != null) {
            long time = 0;
            for (Element s : children(timeline, "S")) {
                if (s.hasAttribute("t")) {
                    time = number(s.getAttribute("t"));
                }
                long d = number(s.getAttribute("d"));
                long repeat = s.hasAttribute("r") ? number(s.getAttribute("r")) : 0;
                for (long i = 0; i <= repeat && d > 0; i++) {
                    out.add(HlsPlaylist.resolve(base, fill(media, id, bandwidth, number++, time)));
                    time += d;
                }
            }
            return out;
        }
        long duration = number(t.getAttribute("duration"));
        if (duration <= 0 || total <= 0) {
            return out;
        }
        long count = (long) Math.ceil(total * timescale / duration - 1e-9);
        for (long i = 0; i < count; i++) {
            out.add(HlsPlaylist.resolve(base, fill(media, id, bandwidth, number + i, i * duration)));
        }
        return out;
    }

    static String fill(String template, String id, long bandwidth, long number, long time) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "RepresentationID" -> id;
                case "Bandwidth" -> String.valueOf(bandwidth);
                case "Number" -> String.valueOf(number);
                default -> String.valueOf(time);
            };
            if (m.group(3) != null && !m.group(1).equals("RepresentationID")) {
                value = String.format("%0" + Integer.parseInt(m.group(3)) + "d", Long.parseLong(value));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString().replace("$$", "$");
    }

    private static String baseUrl(Element e, String base) {
        Element b = child(e, "BaseURL");
        return b == null ? base : HlsPlaylist.resolve(base, b.getTextContent());
    }

    private static double seconds(String iso) {
        try {
            return iso == null || iso.isEmpty() ? 0 : Duration.parse(iso).toNanos() / 1e9;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local(c).equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local(c).equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String local(Element e) {
        String name = e.getTagName();
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isEmpty())) {
                return v;
            }
        }
        return values[values.length - 1];
    }

    private static long number(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
