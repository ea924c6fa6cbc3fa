package org.exhibit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.Entry;

/**
 * The videos of a capture, one subsection each: how the page offered it, the rendition kept, how much of it was
 * fetched, the kept file's SHA-256 and MD5, its vPDQ file, and a strip of its frames, blurred unless images are
 * shown.
 */
final class VideoSection {
    private VideoSection() {
    }

    static void write(ReportSink out, Entry e, CaptureRecord r, Depictions depictions) throws IOException {
        List<VideoRecord> videos = r.videos() == null ? List.of() : r.videos();
        int n = 0;
        for (VideoRecord v : videos) {
            n++;
            out.heading(3, "Video " + n + " of " + videos.size() + ": " + kind(v.kind()));
            Artifact file = artifact(r, v.file());
            Artifact vpdq = artifact(r, v.vpdq());
            List<Field> f = new ArrayList<>();
            f.add(Field.text("URL", CaptureSection.text(v.url())));
            f.add(Field.text("Shown on", CaptureSection.text(v.page())));
            f.add(Field.text("Rendition", rendition(v.rendition())));
            f.add(Field.text("Duration", v.duration() == null ? "unknown"
                    : String.format(Locale.ROOT, "%.1f s", v.duration())));
            f.add(Field.text("Segments fetched", v.segmentsFetched() + " of " + v.segments()));
            f.add(Field.text("Complete", v.complete() ? "yes: every byte of the rendition was fetched and kept"
                    : "no: see the warnings"));
            f.add(Field.text("Live", v.live() ? "yes: the playlist never ended; recorded for a bounded time" : "no"));
            f.add(Field.text("File", v.file() == null ? "none: nothing playable could be made" : v.file()));
            if (file != null) {
                f.add(Field.mono("SHA-256", CaptureSection.text(file.sha256())));
                f.add(Field.mono("MD5", CaptureSection.text(file.md5())));
                f.add(Field.text("Size", file.size() + " bytes, " + CaptureSection.text(file.mediaType())));
            }
            f.add(Field.text("vPDQ file", v.vpdq() == null ? "none" : v.vpdq()
                    + " (one PDQ hash per second of video, the ThreatExchange reference's text form)"));
            if (vpdq != null) {
                f.add(Field.mono("vPDQ file SHA-256", CaptureSection.text(vpdq.sha256())));
            }
            f.add(Field.text("Fetched in", v.exchanges().size() + " recorded exchange(s) of the capture's WARC"));
            f.add(Field.text("Warnings", CaptureSection.lines(v.warnings())));
            out.fields(f);
            if (v.file() != null) {
                VideoRecord.Rendition size = v.rendition();
                depictions.strip(out, e.folder(), v.file(), v.duration(), size == null ? null : size.width(),
                        size == null ? null : size.height());
            }
        }
    }

    private static String kind(String kind) {
        return switch (CaptureSection.text(kind)) {
            case "hls" -> "HLS stream (an .m3u8 playlist)";
            case "dash" -> "DASH stream (an .mpd manifest)";
            case "progressive" -> "video file the page's player loaded";
            case "link" -> "video file the page links to";
            default -> CaptureSection.text(kind);
        };
    }

    static String rendition(VideoRecord.Rendition r) {
        if (r == null) {
            return "unknown";
        }
        List<String> parts = new ArrayList<>();
        if (r.width() != null && r.height() != null) {
            parts.add(r.width() + " × " + r.height() + " px");
        }
        if (r.bandwidth() != null) {
            parts.add(String.format(Locale.ROOT, "%,d kbit/s", Math.round(r.bandwidth() / 1000.0)));
        }
        if (r.codecs() != null) {
            parts.add(r.codecs());
        }
        return parts.isEmpty() ? "unknown" : String.join(", ", parts);
    }

    private static Artifact artifact(CaptureRecord r, String path) {
        if (path == null || r.artifacts() == null) {
            return null;
        }
        return r.artifacts().stream().filter(a -> path.equals(a.path())).findFirst().orElse(null);
    }
}
