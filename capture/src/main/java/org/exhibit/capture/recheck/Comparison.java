package org.exhibit.capture.recheck;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.exhibit.format.custody.RecheckVerdict;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.timeline.CaptureFacts;
import org.exhibit.integrity.timeline.State;
import org.exhibit.metadata.pdq.PdqHash;

/**
 * A new capture of a URL against its previous one.
 *
 * <ul>
 * <li><b>gone</b>: HTTP 404, 410 or 451; the host name no longer resolves; or the page now says the content was
 *     removed ({@link RemovalPhrases}). The capture is kept as evidence of the removal.</li>
 * <li><b>unreachable</b>: no answer, or HTTP 5xx.</li>
 * <li><b>back</b>: online after a capture that found it gone.</li>
 * <li><b>changed</b> / <b>unchanged</b>: online; lines of visible text, or images and videos added or removed,
 *     against the last capture that found the page online. An image counts as the same when its SHA-256 is, or
 *     its PDQ hash is within 31 bits (the same picture re-encoded or resized); a video by SHA-256 or MD5.</li>
 * </ul>
 *
 * @param comparedWith the capture text and media were compared with, or null
 */
public record Comparison(RecheckVerdict verdict, String reason, String comparedWith, List<String> textAdded,
                         List<String> textRemoved, List<String> mediaAdded, List<String> mediaRemoved) {
    /** The most lines of text a result names (the counts are complete). */
    public static final int SHOWN_LINES = 10;
    /** The longest line a result names. */
    public static final int SHOWN_CHARS = 200;

    public Comparison {
        textAdded = List.copyOf(textAdded);
        textRemoved = List.copyOf(textRemoved);
        mediaAdded = List.copyOf(mediaAdded);
        mediaRemoved = List.copyOf(mediaRemoved);
    }

    /**
     * @param now           the new capture
     * @param previousState what the previous capture of the URL found
     * @param lastOnline    the last earlier capture that found the page online, or null
     */
    public static Comparison of(Snapshot now, State previousState, Snapshot lastOnline) throws IOException {
        CaptureFacts facts = CaptureFacts.of(now.subject(), now.record());
        String against = lastOnline == null ? null : lastOnline.subject();
        switch (facts.state()) {
            case GONE -> {
                return simple(RecheckVerdict.GONE, facts.answer(), against);
            }
            case NO_ANSWER -> {
                String why = facts.status() == null && facts.firstWarning() != null ? ": " + facts.firstWarning() : "";
                return simple(RecheckVerdict.UNREACHABLE, facts.answer() + why, against);
            }
            default -> {
            }
        }
        String phrase = RemovalPhrases.newIn(now.text() + "\n" + now.record().title(),
                lastOnline == null ? "" : lastOnline.text() + "\n" + lastOnline.record().title());
        if (phrase != null) {
            return simple(RecheckVerdict.GONE, facts.answer() + ", the page now says \"" + phrase + "\"", against);
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> mediaAdded = new ArrayList<>();
        List<String> mediaRemoved = new ArrayList<>();
        if (lastOnline != null) {
            Set<String> a = now.lines();
            Set<String> b = lastOnline.lines();
            a.stream().filter(l -> !b.contains(l)).forEach(added::add);
            b.stream().filter(l -> !a.contains(l)).forEach(removed::add);
            List<Artifact> ma = now.media();
            List<Artifact> mb = lastOnline.media();
            ma.stream().filter(x -> mb.stream().noneMatch(y -> same(x, y))).forEach(x -> mediaAdded.add(x.path()));
            mb.stream().filter(y -> ma.stream().noneMatch(x -> same(x, y))).forEach(y -> mediaRemoved.add(y.path()));
        }
        boolean differs = !added.isEmpty() || !removed.isEmpty() || !mediaAdded.isEmpty() || !mediaRemoved.isEmpty();
        RecheckVerdict verdict = previousState == State.GONE ? RecheckVerdict.BACK
                : differs || lastOnline == null ? RecheckVerdict.CHANGED : RecheckVerdict.UNCHANGED;
        String reason = facts.answer() + (lastOnline == null ? ", first capture that found the page online"
                : differs ? ", " + changes(added.size(), removed.size(), mediaAdded.size(), mediaRemoved.size())
                : ", same text and media as " + lastOnline.subject());
        return new Comparison(verdict, reason, against, added, removed, mediaAdded, mediaRemoved);
    }

    /** The first {@link #SHOWN_LINES} lines, each cut at {@link #SHOWN_CHARS} characters. */
    public static List<String> shown(List<String> lines) {
        return lines.stream().limit(SHOWN_LINES)
                .map(l -> l.length() > SHOWN_CHARS ? l.substring(0, SHOWN_CHARS) + "…" : l).toList();
    }

    private static Comparison simple(RecheckVerdict v, String reason, String against) {
        return new Comparison(v, reason, against, List.of(), List.of(), List.of(), List.of());
    }

    static boolean same(Artifact x, Artifact y) {
        if (x.sha256() != null && x.sha256().equals(y.sha256())) {
            return true;
        }
        if (x.md5() != null && x.md5().equals(y.md5())) {
            return true;
        }
        if (x.pdq() != null && y.pdq() != null && x.pdq().reliable() && y.pdq().reliable()) {
            return new PdqHash(x.pdq().hash(), x.pdq().quality()).distance(new PdqHash(y.pdq().hash(), y.pdq().quality()))
                    <= PdqHash.MATCH_THRESHOLD;
        }
        return false;
    }

    private static String changes(int added, int removed, int mediaAdded, int mediaRemoved) {
        List<String> parts = new ArrayList<>();
        if (added > 0) {
            parts.add(added + " text line" + (added == 1 ? "" : "s") + " added");
        }
        if (removed > 0) {
            parts.add(removed + " text line" + (removed == 1 ? "" : "s") + " removed");
        }
        if (mediaAdded > 0) {
            parts.add(mediaAdded + " image" + (mediaAdded == 1 ? "" : "s") + " or video" + (mediaAdded == 1 ? "" : "s") + " added");
        }
        if (mediaRemoved > 0) {
            parts.add(mediaRemoved + " image" + (mediaRemoved == 1 ? "" : "s") + " or video" + (mediaRemoved == 1 ? "" : "s") + " removed");
        }
        return String.join(", ", parts);
    }
}
