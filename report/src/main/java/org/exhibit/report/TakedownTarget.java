package org.exhibit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/**
 * One URL to have removed: a captured page, or an image or video the page loaded, with the evidence that
 * identifies it.
 *
 * @param url      the address to remove
 * @param kind     "page", or the media type of a loaded file ("image/jpeg")
 * @param capture  the capture it comes from ("0001")
 * @param captured when the capture started
 * @param tsaTime  the TSA's time(s) for the capture record
 * @param sha256   SHA-256 of the content (a page's screenshot, a loaded file's bytes)
 * @param pdq      its PDQ perceptual hash, "" when not an image
 */
record TakedownTarget(String url, String kind, String capture, Instant captured, String tsaTime, String sha256,
                      String pdq) {

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
            JsonNode r = reader.record(e);
            JsonNode shot = Depictions.pick(r.path("artifacts"), "screenshot-viewport", "screenshot-full");
            List<String> pages = new ArrayList<>(List.of(Nodes.text(r, "requestedUrl")));
            String last = Nodes.text(r, "finalUrl");
            if (!last.isEmpty() && !CaptureSection.host(last).equals(CaptureSection.host(pages.get(0)))) {
                pages.add(last);
            }
            for (String page : pages) {
                add(out, new TakedownTarget(page, "page", e.id(), e.time(), e.stampText(),
                        shot == null ? "" : Nodes.text(shot, "sha256"), shot == null ? "" : Nodes.text(shot, "pdq", "hash")));
            }
            for (JsonNode a : r.path("artifacts")) {
                String type = Nodes.text(a, "mediaType");
                if (!Nodes.text(a, "url").isEmpty() && (type.startsWith("image/") || type.startsWith("video/"))) {
                    add(out, new TakedownTarget(Nodes.text(a, "url"), type, e.id(), e.time(), e.stampText(),
                            Nodes.text(a, "sha256"), Nodes.text(a, "pdq", "hash")));
                }
            }
        }
        return out;
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
