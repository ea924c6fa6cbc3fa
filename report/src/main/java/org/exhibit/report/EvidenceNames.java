package org.exhibit.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;

/**
 * What each file of a bundle is, in words: "the full-page screenshot of https://…", "the photo chat.png". Built
 * from the records in the bundle; a file no record describes is named by its path.
 */
final class EvidenceNames {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> records = new HashMap<>();

    static EvidenceNames read(CaseReader reader) throws IOException {
        EvidenceNames out = new EvidenceNames();
        for (Entry e : reader.entries()) {
            EvidenceRecord r = reader.record(e);
            String what = e.kind() == Entry.Kind.CAPTURE ? "the capture of " + e.source() : "the file " + e.source();
            out.records.put(e.record(), what);
            for (Artifact a : r.artifacts() == null ? List.<Artifact>of() : r.artifacts()) {
                out.names.put(e.folder() + "/" + a.path(), describe(a, e));
            }
        }
        return out;
    }

    private static String describe(Artifact a, Entry e) {
        String of = e.kind() == Entry.Kind.CAPTURE ? " of " + e.source() : " " + e.source();
        return switch (CaptureSection.text(a.role())) {
            case "screenshot-full" -> "the full-page screenshot" + of;
            case "screenshot-viewport" -> "the screenshot" + of;
            case "screenshot-before-actions" -> "the first screen before Exhibit clicked anything" + of;
            case "wacz", "warc" -> "the web archive (every network exchange)" + of;
            case "dom" -> "the rendered page (HTML)" + of;
            case "mhtml" -> "the browser's snapshot (MHTML)" + of;
            case "pdf" -> "the browser's print (PDF)" + of;
            case "page-text" -> "the visible text, frames included," + of;
            case "frame-dom" -> "the frame " + (a.url() == null ? a.path() : a.url()) + " shown" + of;
            case "decoded-image" -> "the image the page made itself ("
                    + (a.url() == null ? a.path() : a.url()) + "), saved from the page's state," + of;
            case "video" -> "the video " + (a.url() == null ? a.path() : a.url()) + (e.kind() == Entry.Kind.CAPTURE
                    ? " kept from " + e.source() : "");
            case "resource" -> "the file loaded from " + (a.url() == null ? "the page" : a.url())
                    + (e.kind() == Entry.Kind.CAPTURE ? " by " + e.source() : "");
            case "original" -> "the original file" + of;
            default -> "the " + a.path() + " of " + (e.kind() == Entry.Kind.CAPTURE ? e.source() : "item " + e.id());
        };
    }

    /** "the screenshot of https://…", or null when no record lists {@code path}. */
    String file(String path) {
        return names.get(path);
    }

    /** "the capture of https://…" for a record path, or null. */
    String record(String path) {
        return records.get(path);
    }

    /** The artifact of a record that is its screenshot, for the sentence the attorney looks for. */
    String screenshotOf(String recordPath) {
        String folder = recordPath.substring(0, recordPath.lastIndexOf('/') + 1);
        for (Map.Entry<String, String> n : names.entrySet()) {
            if (n.getKey().startsWith(folder) && n.getValue().startsWith("the screenshot of")) {
                return n.getValue();
            }
        }
        return null;
    }
}
