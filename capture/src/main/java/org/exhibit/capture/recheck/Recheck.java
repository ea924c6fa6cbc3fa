package org.exhibit.capture.recheck;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.exhibit.capture.batch.BatchListener;
import org.exhibit.capture.batch.BatchOptions;
import org.exhibit.capture.batch.BatchResult;
import org.exhibit.capture.batch.BatchRunner;
import org.exhibit.capture.batch.CaptureJob;
import org.exhibit.capture.batch.LinkList;
import org.exhibit.capture.batch.LinkUrl;
import org.exhibit.capture.batch.UrlResult;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.custody.RecheckVerdict;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.timeline.Sighting;
import org.exhibit.integrity.timeline.State;
import org.exhibit.integrity.timeline.Timeline;
import org.exhibit.integrity.timeline.Timelines;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.metadata.hashlist.HashEntry;
import org.exhibit.metadata.hashlist.HashList;
import org.exhibit.metadata.hashlist.HashMatch;
import org.exhibit.metadata.hashlist.HashMatcher;
import org.exhibit.metadata.hashlist.VideoMatch;
import org.exhibit.metadata.vpdq.VpdqHasher;

/**
 * Captures again every URL a case captured before (or a list), as one batch ({@link BatchRunner}: parallel,
 * retried, resumed after an interruption by running it again), compares each new capture with the previous one of
 * its URL ({@link Comparison}), matches its images and videos against the victim's hash lists, and writes one
 * {@code rechecked} custody-log line per new capture.
 *
 * <pre>{@code
 * Recheck recheck = new Recheck(ws, me.actor(), new CapturerJob(capturer), BatchOptions.defaults(), progress);
 * RecheckResult r = recheck.run(Recheck.caseList(ws), HashList.read(Path.of("mine.csv")), new HashMatcher(), null);
 * }</pre>
 */
public final class Recheck {
    private final CaseWorkspace ws;
    private final Actor actor;
    private final BatchRunner runner;

    public Recheck(CaseWorkspace ws, Actor actor, CaptureJob job, BatchOptions options, BatchListener listener) {
        this.ws = ws;
        this.actor = actor;
        this.runner = new BatchRunner(ws, actor, job, options, listener);
    }

    /** The runner, to stop it from a shutdown hook ({@link BatchRunner#stopAndWait()}). */
    public BatchRunner runner() {
        return runner;
    }

    /** Every URL the case has captured, once each, in the order each was first captured. */
    public static LinkList caseList(CaseWorkspace ws) throws IOException {
        List<String> urls = new ArrayList<>();
        for (Timeline t : CaseCaptures.read(ws).timelines()) {
            urls.add(t.url());
        }
        return LinkList.parse(ws.root() + " (its captures)", String.join("\n", urls), LinkUrl::parse);
    }

    /**
     * Runs (or resumes) the recheck of {@code list}.
     *
     * @param hashes   the victim's hash lists, merged; null to look for no re-upload
     * @param matcher  the PDQ threshold
     * @param hasher   hashes with vPDQ the new videos the capture kept no vPDQ hash for; null for none
     * @param warnings told of a video that could not be hashed
     */
    public RecheckResult run(LinkList list, HashList hashes, HashMatcher matcher, VpdqHasher hasher,
                             Consumer<String> warnings) throws IOException {
        RecheckRun run = RecheckRun.resumeOrStart(ws, list.id());
        BatchResult batch = runner.run(list, run.id());
        CaseCaptures captures = CaseCaptures.read(ws);
        Map<String, EventDetails.Rechecked> logged = new HashMap<>();
        for (CustodyEvent e : ws.custody().events()) {
            if (CustodyEvent.RECHECKED.equals(e.action())) {
                logged.put(e.subject(), EventDetails.read(e, EventDetails.Rechecked.class));
            }
        }
        Map<String, Timeline> before = byKey(captures.timelines());
        Set<String> fresh = new HashSet<>();
        for (UrlResult r : batch.results()) {
            if (r.captureId() != null) {
                fresh.add(captures.subject(r.captureId()));
            }
        }
        Map<String, List<EventDetails.Reupload>> reuploads = hashes == null || fresh.isEmpty() ? Map.of()
                : reuploads(HashList.fromCase(ws.root(), fresh::contains, hasher, warnings), hashes, matcher);
        List<UrlCheck> checks = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (UrlResult r : batch.results()) {
            keys.add(Timelines.key(r.url()));
            checks.add(check(r, run, captures, before.get(Timelines.key(r.url())), logged, reuploads));
        }
        if (!batch.interrupted()) {
            RecheckRun.finished(ws);
        }
        Map<String, Timeline> after = byKey(CaseCaptures.read(ws).timelines());
        List<Timeline> timelines = keys.stream().map(after::get).filter(t -> t != null).toList();
        return new RecheckResult(run.id(), checks, timelines, batch);
    }

    private UrlCheck check(UrlResult r, RecheckRun run, CaseCaptures captures, Timeline timeline,
                           Map<String, EventDetails.Rechecked> logged, Map<String, List<EventDetails.Reupload>> reuploads)
            throws IOException {
        if (r.captureId() == null) {
            String why = r.outcome().equals(UrlResult.NOT_RUN) ? "not run: the recheck stopped first"
                    : "not captured: " + (r.warnings().isEmpty() ? r.outcome() : r.warnings().get(0));
            return new UrlCheck(r.url(), null, why, null, null, false, null);
        }
        String subject = captures.subject(r.captureId());
        List<Sighting> earlier = new ArrayList<>();
        if (timeline != null) {
            for (Sighting s : timeline.sightings()) {
                if (s.capture().equals(subject)) {
                    break;
                }
                earlier.add(s);
            }
        }
        if (earlier.isEmpty()) {
            return new UrlCheck(r.url(), null, "first capture of this URL", null, subject,
                    false, null);
        }
        Sighting previous = earlier.get(earlier.size() - 1);
        State previousState = previous.state();
        for (int i = earlier.size() - 1; i >= 0 && previousState == State.NO_ANSWER; i--) {
            previousState = earlier.get(i).state();       // no answer says nothing: the state before it holds
        }
        EventDetails.Rechecked details = logged.get(subject);
        if (details == null) {
            Sighting lastOnline = null;
            for (Sighting s : earlier) {
                if (s.state() == State.ONLINE) {
                    lastOnline = s;
                }
            }
            Snapshot now = captures.get(subject);
            if (now == null) {
                throw new IOException("expected the record of " + subject + " after the recheck captured it, got none");
            }
            Comparison c = Comparison.of(now, previousState, lastOnline == null ? null : captures.get(lastOnline.capture()));
            List<EventDetails.Reupload> found = reuploads.getOrDefault(subject, List.of());
            details = new EventDetails.Rechecked(r.url(), c.verdict().json(), c.reason(), run.id(), previous.capture(),
                    c.comparedWith(), r.status(), c.textAdded().size(), c.textRemoved().size(),
                    Comparison.shown(c.textAdded()), Comparison.shown(c.textRemoved()), c.mediaAdded(),
                    c.mediaRemoved(), found.isEmpty() ? null : found);
            ws.custody().append(actor, CustodyEvent.RECHECKED, subject, EventDetails.of(details));
        }
        RecheckVerdict v = RecheckVerdict.of(details.verdict());
        boolean news = v == RecheckVerdict.BACK || v == RecheckVerdict.CHANGED
                || v == RecheckVerdict.GONE && previousState != State.GONE
                || details.reuploads() != null && !details.reuploads().isEmpty();
        return new UrlCheck(r.url(), v, details.reason(), details.previous(), subject, news, details);
    }

    /** The matches of the new captures' images and videos, by capture subject. */
    private static Map<String, List<EventDetails.Reupload>> reuploads(HashList found, HashList hashes, HashMatcher matcher) {
        Map<String, List<EventDetails.Reupload>> out = new HashMap<>();
        for (HashMatch m : matcher.match(found, hashes)) {
            out.computeIfAbsent(m.found().source(), k -> new ArrayList<>()).add(new EventDetails.Reupload(
                    m.found().source() + "/" + m.found().path(), m.found().url(), m.method(), m.distance(), null,
                    name(m.listed())));
        }
        for (VideoMatch v : matcher.matchVideos(found, hashes)) {
            if (v.match()) {
                out.computeIfAbsent(v.found().source(), k -> new ArrayList<>()).add(new EventDetails.Reupload(
                        v.found().source() + "/" + v.found().path(), v.found().url(), "vpdq", null,
                        Math.round(v.foundShare() * 10) / 10.0, name(v.listed())));
            }
        }
        return out;
    }

    private static String name(HashEntry e) {
        return e.path() != null ? e.path() : e.source() != null ? e.source() : e.sha256();
    }

    private static Map<String, Timeline> byKey(List<Timeline> timelines) {
        Map<String, Timeline> out = new HashMap<>();
        timelines.forEach(t -> out.put(Timelines.key(t.url()), t));
        return out;
    }
}
