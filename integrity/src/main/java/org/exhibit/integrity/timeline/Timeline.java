package org.exhibit.integrity.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One URL's captures in time order, and what they show: when it was first seen online, every check, when it went
 * down and when it came back. Only what a capture saw is claimed: between the last capture that found the page
 * online and the first that found it gone, nobody looked.
 *
 * @param url       the URL (as first captured)
 * @param sightings its captures, oldest first
 * @param notices   the takedown notices that named it, oldest first
 */
public record Timeline(String url, List<Sighting> sightings, List<Notice> notices) {
    public Timeline {
        sightings = List.copyOf(sightings);
        notices = notices == null ? List.of() : notices.stream().sorted(Comparator.comparing(Notice::time)).toList();
    }

    public Timeline(String url, List<Sighting> sightings) {
        this(url, sightings, List.of());
    }

    /** One line of a timeline: when, which capture, what happened. */
    public record Line(Instant time, String capture, String what) {
    }

    /** The runs of captures in the same state; a run gone after one online says after which notice, if any. */
    public List<Period> periods() {
        List<Period> out = new ArrayList<>();
        Period open = null;
        Instant lastGone = null;
        State known = null;
        for (Sighting s : sightings) {
            if (open != null && open.state() == s.state()) {
                open = new Period(open.state(), open.from(), s.time(), open.captures() + 1, open.first(), s.capture(),
                        open.reason(), open.notice());
            } else {
                if (open != null) {
                    out.add(open);
                }
                Notice n = s.state() == State.GONE && known == State.ONLINE ? noticeBefore(lastGone, s.time()) : null;
                open = new Period(s.state(), s.time(), s.time(), 1, s.capture(), s.capture(), s.reason(),
                        n == null ? null : n.after());
            }
            if (s.state() == State.GONE) {
                lastGone = s.time();
            }
            if (s.state() != State.NO_ANSWER) {
                known = s.state();
            }
        }
        if (open != null) {
            out.add(open);
        }
        return out;
    }

    /** The last notice drafted after {@code after} (exclusive; null for any) and not after {@code before}. */
    private Notice noticeBefore(Instant after, Instant before) {
        Notice found = null;
        for (Notice n : notices) {
            if ((after == null || n.time().isAfter(after)) && !n.time().isAfter(before)) {
                found = n;
            }
        }
        return found;
    }

    /** Whether the latest capture found it online after an earlier one found it gone: back online. */
    public boolean back() {
        return now() == State.ONLINE && sightings.stream().anyMatch(s -> s.state() == State.GONE);
    }

    /** The latest capture, or null without captures. */
    public Sighting latest() {
        return sightings.isEmpty() ? null : sightings.get(sightings.size() - 1);
    }

    /** The first capture that found the page online, or null. */
    public Sighting firstSeen() {
        return sightings.stream().filter(s -> s.state() == State.ONLINE).findFirst().orElse(null);
    }

    /** The latest state, or null without captures. */
    public State now() {
        return sightings.isEmpty() ? null : sightings.get(sightings.size() - 1).state();
    }

    /**
     * The timeline as lines: first seen, every capture after it, a line for each time it went down (between
     * the last capture online and the first gone; after which notice, if one named it) and came back, and a line for
     * each takedown notice that named it.
     */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        Sighting lastOnline = null;
        State state = null;
        Instant lastGone = null;
        int next = 0;
        for (Sighting s : sightings) {
            for (; next < notices.size() && !notices.get(next).time().isAfter(s.time()); next++) {
                Notice n = notices.get(next);
                out.add(new Line(n.time(), n.file(), n.text()));
            }
            String what;
            if (state == null) {
                what = (s.state() == State.ONLINE ? "first seen online" : "first captured: " + s.state().text())
                        + " (" + s.reason() + ")";
            } else if (s.state() == State.GONE && state != State.GONE) {
                Notice n = lastOnline == null ? null : noticeBefore(lastGone, s.time());
                what = "went down: found gone (" + s.reason() + ")" + (lastOnline == null ? ""
                        : "; last seen online " + lastOnline.time() + " (" + lastOnline.capture() + ")")
                        + (n == null ? "" : "; " + n.after());
            } else if (s.state() == State.ONLINE && state == State.GONE) {
                what = "came back: online again (" + s.reason() + ")";
            } else {
                what = "checked: " + (s.verdict() != null ? s.verdict() : s.state().text()) + " (" + s.reason() + ")";
            }
            out.add(new Line(s.time(), s.capture(), what));
            if (s.state() == State.ONLINE) {
                lastOnline = s;
            }
            if (s.state() == State.GONE) {
                lastGone = s.time();
            }
            if (s.state() != State.NO_ANSWER) {
                state = s.state();
            } else if (state == null) {
                state = State.NO_ANSWER;
            }
        }
        for (; next < notices.size(); next++) {
            Notice n = notices.get(next);
            out.add(new Line(n.time(), n.file(), n.text()));
        }
        return out;
    }
}
