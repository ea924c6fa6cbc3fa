package org.exhibit.report;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;

/**
 * One thing to have removed, as the victim chose it: an image or video a page showed (by hash-list match or by
 * hand), or a whole captured page, with the pages that show it and the evidence that identifies it.
 *
 * @param url      the address to remove; null for content with no address of its own (an image the page drew)
 * @param kind     "page", or the media type of a file ("image/jpeg"), or a kept video's and how it was offered
 *                 ("video/mp4, HLS stream")
 * @param pages    the captured page URLs that show it (empty for a page itself)
 * @param captures the captures it was found in ("0002"), first one first
 * @param path     the artifact's path in the first capture folder ("resources/ab12….jpg"), or the screenshot's
 * @param captured when the first capture started
 * @param tsaTime  the TSA's time(s) for the first capture's record
 * @param sha256   SHA-256 of the content (a page's screenshot, a file's bytes)
 * @param md5      MD5 of a video's bytes (what hash-matching services take for video), "" when none
 * @param pdq      its PDQ perceptual hash, "" when not an image
 * @param why      why it is named: each hash-list match in words; empty when chosen by hand
 */
record TakedownTarget(String url, String kind, List<String> pages, List<String> captures, String path,
                      Instant captured, String tsaTime, String sha256, String md5, String pdq, List<String> why) {

    /** "captures/", the start of a capture's subject ("captures/0002"). */
    private static final String SUBJECT = CaseLayout.CAPTURES + "/";
    private static final Pattern CAPTURE = Pattern.compile(Pattern.quote(SUBJECT) + "([0-9]{4,})");
    private static final Pattern ARTIFACT = Pattern.compile(Pattern.quote(SUBJECT) + "([0-9]{4,})/(.+)");

    /** The hosts whose notices name it: the media's host and the host of every page showing it. */
    Set<String> hosts() {
        Set<String> out = new LinkedHashSet<>();
        if (url != null) {
            out.add(CaptureSection.host(url));
        }
        pages.forEach(p -> out.add(CaptureSection.host(p)));
        out.remove("");
        return out;
    }

    /** The chosen content grouped by host (sorted), and the IP address each capture recorded per host. */
    record Chosen(Map<String, List<TakedownTarget>> byHost, List<TakedownTarget> all, Map<String, String> ips) {
    }

    /** A capture with its record and the page URLs it shows (requested, and final when different). */
    private record Cap(Entry entry, CaptureRecord record, List<String> pages) {
    }

    /**
     * Resolves the selection against the case's capture records.
     *
     * @throws IllegalArgumentException an {@code only} value names nothing in the case ({@link UnknownChoice}), or
     *                                  nothing at all is chosen
     */
    static Chosen choose(CaseReader reader, String caseId, TakedownSelection selection) throws IOException {
        List<Cap> caps = new ArrayList<>();
        Map<String, String> ips = new TreeMap<>();
        for (Entry e : reader.entries()) {
            if (e.kind() != Entry.Kind.CAPTURE || !(reader.record(e) instanceof CaptureRecord r)) {
                continue;
            }
            List<String> pages = new ArrayList<>();
            for (String u : new String[] {CaptureSection.text(r.requestedUrl()), CaptureSection.text(r.finalUrl())}) {
                if (!u.isEmpty() && !pages.contains(u)) {
                    pages.add(u);
                }
            }
            caps.add(new Cap(e, r, pages));
            for (CaptureRecord.HostAddress h : r.hosts() == null ? List.<CaptureRecord.HostAddress>of() : r.hosts()) {
                if (h.host() != null && h.ip() != null) {
                    ips.putIfAbsent(h.host().toLowerCase(java.util.Locale.ROOT), h.ip());
                }
            }
        }
        Map<String, TakedownTarget> items = new LinkedHashMap<>();
        for (TakedownSelection.Match m : selection.matches()) {
            Matcher c = CAPTURE.matcher(CaptureSection.text(m.source()));
            Cap cap = c.matches() ? find(caps, c.group(1)) : null;
            Artifact a = cap == null ? null : artifact(cap.record(), m.path());
            if (a != null) {
                add(items, ofArtifact(cap, a, m.how()));
            }
        }
        for (String raw : selection.only()) {
            choose(items, caps, caseId, raw);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("expected content to name in case " + caseId + " (a hash-list match "
                    + "among its captures, or a chosen capture, file or URL), got none");
        }
        Map<String, List<TakedownTarget>> byHost = new TreeMap<>();
        for (TakedownTarget t : items.values()) {
            for (String h : t.hosts()) {
                byHost.computeIfAbsent(h, k -> new ArrayList<>()).add(t);
            }
        }
        return new Chosen(byHost, List.copyOf(items.values()), ips);
    }

    private static void choose(Map<String, TakedownTarget> items, List<Cap> caps, String caseId, String raw) {
        String v = raw.strip();
        if (v.startsWith(CaseLayout.DATA + "/")) {
            v = v.substring(CaseLayout.DATA.length() + 1);
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        Matcher c = CAPTURE.matcher(v);
        Matcher a = ARTIFACT.matcher(v);
        if (c.matches()) {
            Cap cap = find(caps, c.group(1));
            if (cap == null) {
                throw new UnknownChoice("expected a capture of case " + caseId + " (" + ids(caps) + "), got " + raw);
            }
            pagesOf(items, cap);
        } else if (a.matches()) {
            Cap cap = find(caps, a.group(1));
            Artifact art = cap == null ? null : artifact(cap.record(), a.group(2));
            if (art == null) {
                throw new UnknownChoice("expected a file listed in " + CaptureFolder.RECORD + " of " + SUBJECT + a.group(1)
                        + " of case " + caseId + ", got " + raw);
            }
            add(items, ofArtifact(cap, art, null));
        } else if (v.startsWith("http://") || v.startsWith("https://")) {
            boolean found = false;
            for (Cap cap : caps) {
                for (Artifact art : artifacts(cap.record())) {
                    if (v.equals(art.url()) || v.equals(videoUrl(cap.record(), art))) {
                        add(items, ofArtifact(cap, art, null));
                        found = true;
                    }
                }
            }
            for (Cap cap : found ? List.<Cap>of() : caps) {
                if (cap.pages().contains(v)) {
                    pagesOf(items, cap);
                    found = true;
                }
            }
            if (!found) {
                throw new UnknownChoice("expected a page, image or video URL captured in case " + caseId
                        + ", got " + raw);
            }
        } else {
            throw new UnknownChoice("expected " + SUBJECT + "NNNN, " + SUBJECT + "NNNN/PATH or a captured URL, got " + raw);
        }
    }

    /** A value chosen by hand that names nothing in the case. */
    static final class UnknownChoice extends IllegalArgumentException {
        UnknownChoice(String message) {
            super(message);
        }
    }

    private static void pagesOf(Map<String, TakedownTarget> items, Cap cap) {
        Artifact shot = Depictions.pick(cap.record().artifacts(), "screenshot-viewport", "screenshot-full");
        for (String page : cap.pages()) {
            add(items, new TakedownTarget(page, "page", List.of(), List.of(cap.entry().id()),
                    shot == null ? "" : shot.path(), cap.entry().time(), cap.entry().stampText(),
                    shot == null ? "" : CaptureSection.text(shot.sha256()), "", pdq(shot), List.of()));
        }
    }

    private static TakedownTarget ofArtifact(Cap cap, Artifact a, String why) {
        String type = CaptureSection.text(a.mediaType());
        String video = videoUrl(cap.record(), a);
        String kind = video != null ? type + ", " + kindOf(videoOf(cap.record(), a).kind()) : type;
        return new TakedownTarget(video != null ? video : a.url(), kind, cap.pages(), List.of(cap.entry().id()),
                a.path(), cap.entry().time(), cap.entry().stampText(), CaptureSection.text(a.sha256()),
                CaptureSection.text(a.md5()), pdq(a), why == null ? List.of() : List.of(why));
    }

    /** Adds a target, or merges it into the one with the same address: more pages, captures, reasons. */
    private static void add(Map<String, TakedownTarget> items, TakedownTarget t) {
        String key = t.url() != null ? t.url() : t.captures().get(0) + "/" + t.path();
        TakedownTarget old = items.get(key);
        if (old == null) {
            items.put(key, t);
            return;
        }
        // the same address twice in one capture: a kept video and its fetch among the resources; keep the video
        TakedownTarget b = t.captures().equals(old.captures()) && t.kind().contains(", ") && !old.kind().contains(", ")
                ? t : old;
        items.put(key, new TakedownTarget(b.url(), b.kind(), union(old.pages(), t.pages()),
                union(old.captures(), t.captures()), b.path(), b.captured(), b.tsaTime(), b.sha256(),
                b.md5(), b.pdq(), union(old.why(), t.why())));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static Cap find(List<Cap> caps, String id) {
        return caps.stream().filter(c -> c.entry().id().equals(id)).findFirst().orElse(null);
    }

    private static String ids(List<Cap> caps) {
        return caps.isEmpty() ? "none" : String.join(", ", caps.stream().map(c -> SUBJECT + c.entry().id()).toList());
    }

    private static List<Artifact> artifacts(CaptureRecord r) {
        return r.artifacts() == null ? List.of() : r.artifacts();
    }

    private static Artifact artifact(CaptureRecord r, String path) {
        return artifacts(r).stream().filter(a -> a.path() != null && a.path().equals(path)).findFirst().orElse(null);
    }

    private static VideoRecord videoOf(CaptureRecord r, Artifact a) {
        for (VideoRecord v : r.videos() == null ? List.<VideoRecord>of() : r.videos()) {
            if (v.file() != null && v.file().equals(a.path()) && v.url() != null) {
                return v;
            }
        }
        return null;
    }

    private static String videoUrl(CaptureRecord r, Artifact a) {
        VideoRecord v = videoOf(r, a);
        return v == null ? null : v.url();
    }

    private static String kindOf(String videoKind) {
        return switch (CaptureSection.text(videoKind)) {
            case "hls" -> "HLS stream";
            case "dash" -> "DASH stream";
            case "link" -> "linked video file";
            default -> "video file";
        };
    }

    private static String pdq(Artifact a) {
        return a == null || a.pdq() == null ? "" : a.pdq().hash();
    }
}
