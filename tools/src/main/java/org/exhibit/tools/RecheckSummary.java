package org.exhibit.tools;

import java.time.Instant;
import java.util.List;
import org.exhibit.capture.recheck.RecheckResult;
import org.exhibit.capture.recheck.UrlCheck;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.integrity.timeline.Timeline;

/**
 * The JSON summary of a recheck: what {@code --json} prints and {@code --on-change} gets on stdin.
 *
 * @param caseDir     the case folder
 * @param run         the run id
 * @param interrupted whether some URLs were not run (run the same command again)
 * @param news        whether something is newly gone, back, changed, or re-uploaded
 * @param checks      one per URL
 * @param timelines   each URL's timeline
 */
record RecheckSummary(String caseDir, String run, boolean interrupted, boolean news, List<Check> checks,
                      List<TimelineJson> timelines) {

    /** One URL: its verdict, the two captures, what changed and the re-uploads. */
    record Check(String url, String verdict, String reason, String previous, String capture, boolean news,
                 Integer textLinesAdded, Integer textLinesRemoved, List<String> textAdded, List<String> textRemoved,
                 List<String> mediaAdded, List<String> mediaRemoved, List<EventDetails.Reupload> reuploads) {
        static Check of(UrlCheck c) {
            EventDetails.Rechecked d = c.details();
            return new Check(c.url(), c.verdict() == null ? null : c.verdict().json(), c.reason(), c.previous(),
                    c.capture(), c.news(), d == null ? null : d.textLinesAdded(), d == null ? null : d.textLinesRemoved(),
                    d == null ? null : d.textAdded(), d == null ? null : d.textRemoved(),
                    d == null ? null : d.mediaAdded(), d == null ? null : d.mediaRemoved(), c.reuploads());
        }
    }

    /** A URL's timeline as lines and periods. */
    record TimelineJson(String url, String now, List<LineJson> lines, List<PeriodJson> periods) {
        static TimelineJson of(Timeline t) {
            return new TimelineJson(t.url(), t.now() == null ? null : t.now().text(),
                    t.lines().stream().map(l -> new LineJson(l.time(), l.capture(), l.what())).toList(),
                    t.periods().stream().map(p -> new PeriodJson(p.state().text(), p.from(), p.to(), p.captures(),
                            p.first(), p.last(), p.reason(), p.notice())).toList());
        }
    }

    /** A run of captures in one state; {@code notice} says after which takedown notice it went gone, if any. */
    record PeriodJson(String state, Instant from, Instant to, int captures, String first, String last, String reason,
                      String notice) {
    }

    record LineJson(Instant time, String capture, String what) {
    }

    static RecheckSummary of(String caseDir, RecheckResult r) {
        return new RecheckSummary(caseDir, r.run(), r.batch().interrupted(), r.news(),
                r.checks().stream().map(Check::of).toList(), r.timelines().stream().map(TimelineJson::of).toList());
    }
}
