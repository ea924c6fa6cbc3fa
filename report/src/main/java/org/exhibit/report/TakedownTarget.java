package org.exhibit.report;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;

/**
 * One URL to have removed: a captured page, or an image or video the page loaded, with the evidence that
 * identifies it.
 *
 * @param url      the address to remove
 * @param kind     "page", or the media type of a loaded file ("image/jpeg"), or how a kept video was offered
 *                 ("video/mp4, HLS stream")
 * @param capture  the capture it comes from ("0001")
 * @param captured when the capture started
 * @param tsaTime  the TSA's time(s) for the capture record
 * @param sha256   SHA-256 of the content (a page's screenshot, a loaded file's bytes)
 * @param md5      MD5 of a video's bytes (what hash-matching services take for video), "" when none
 * @param pdq      its PDQ perceptual hash, "" when not an image
 */
record TakedownTarget(String url, String kind, String capture, Instant captured, String tsaTime, String sha256,
                      String md5, String pdq) {

    String host() {
        return CaptureSection.host(url);
    }

    /** Every target in the case, grouped by host (sorted), each host's targets in capture order. */
    static Map<String, List<TakedownTarget>> byHost(CaseReader reader) throws IOException {
        Map<String, List<TakedownTarget>> out = new TreeMap<>();
        for (Entry e : reader.entries()) {
            if (e.kind() != Entry.Kind.CAPTURE) {
                continue;
            }
            CaptureRecord r = (CaptureRecord) reader.record(e);
            Artifact shot = Depictions.pick(r.artifacts(), "screenshot-viewport", "screenshot-full");
            List<String> pages = new ArrayList<>(List.of(CaptureSection.text(r.requestedUrl())));
            String last = CaptureSection.text(r.finalUrl());
            if (!last.isEmpty() && !CaptureSection.host(last).equals(CaptureSection.host(pages.get(0)))) {
                pages.add(last);
            }
            for (String page : pages) {
                add(out, new TakedownTarget(page, "page", e.id(), e.time(), e.stampText(),
                        shot == null ? "" : shot.sha256(), "", pdq(shot)));
            }
            for (VideoRecord v : r.videos() == null ? List.<VideoRecord>of() : r.videos()) {
                Artifact kept = v.file() == null ? null : artifact(r.artifacts(), v.file());
                if (v.url() != null && kept != null) {
                    add(out, new TakedownTarget(v.url(), CaptureSection.text(kept.mediaType()) + ", "
                            + kindOf(v.kind()), e.id(), e.time(), e.stampText(), kept.sha256(),
                            CaptureSection.text(kept.md5()), ""));
                }
            }
            for (Artifact a : r.artifacts() == null ? List.<Artifact>of() : r.artifacts()) {
                String type = CaptureSection.text(a.mediaType());
                if (a.url() != null && (type.startsWith("image/") || type.startsWith("video/"))) {
                    add(out, new TakedownTarget(a.url(), type, e.id(), e.time(), e.stampText(), a.sha256(),
                            CaptureSection.text(a.md5()), pdq(a)));
                }
            }
        }
        return out;
    }

    private static Artifact artifact(List<Artifact> artifacts, String path) {
        for (Artifact a : artifacts == null ? List.<Artifact>of() : artifacts) {
            if (path.equals(a.path())) {
                return a;
            }
        }
        return null;
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

    private static void add(Map<String, List<TakedownTarget>> out, TakedownTarget t) {
        if (t.host().isEmpty()) {
            return;
        }
        List<TakedownTarget> list = out.computeIfAbsent(t.host(), h -> new ArrayList<>());
        if (list.stream().noneMatch(o -> o.url().equals(t.url()))) {
            list.add(t);
        }
    }
}
