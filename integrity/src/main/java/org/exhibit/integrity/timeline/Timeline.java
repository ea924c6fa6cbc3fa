package org.exhibit.integrity.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One URL's captures in time order, and what they show: when it was first seen online, every check, when it went
 * down and when it came back. Only what a capture saw is claimed: between the last capture that found the page
 * online and the first that found it gone, nobody looked.
 *
 * @param url       the URL (as first captured)
 * @param sightings its captures, oldest first
 */
public record Timeline(String url, List<Sighting> sightings) {
    public Timeline {
        sightings = List.copyOf(sightings);
    }

    /** One line of a timeline: when, which capture, what happened. */
    public record Line(Instant time, String capture, String what) {
    }

    /** The runs of captures in the same state. */
    public List<Period> periods() {
        List<Period> out = new ArrayList<>();
        Period open = null;
        for (Sighting s : sightings) {
            if (open != null && open.state() == s.state()) {
                open = new Period(open.state(), open.from(), s.time(), open.captures() + 1, open.first(), s.capture(),
                        open.reason());
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = new Period(s.state(), s.time(), s.time(), 1, s.capture(), s.capture(), s.reason());
            }
        }
        if (open != null) {
            out.add(open);
        }
        return out;
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
     * The timeline as lines: first seen, every capture after it, and a line for each time it went down (between
     * the last capture online and the first gone) and came back.
     */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        Sighting lastOnline = null;
        State state = null;
        for (Sighting s : sightings) {
            String what;
            if (state == null) {
                what = (s.state() == State.ONLINE ? "first seen online" : "first captured: " + s.state().text())
                        + " (" + s.reason() + ")";
            } else if (s.state() == State.GONE && state != State.GONE) {
                what = "went down: found gone (" + s.reason() + ")" + (lastOnline == null ? ""
                        : "; last seen online " + lastOnline.time() + " (" + lastOnline.capture() + ")");
            } else if (s.state() == State.ONLINE && state == State.GONE) {
                what = "came back: online again (" + s.reason() + ")";
            } else {
                what = "checked: " + (s.verdict() != null ? s.verdict() : s.state().text()) + " (" + s.reason() + ")";
            }
            out.add(new Line(s.time(), s.capture(), what));
            if (s.state() == State.ONLINE) {
                lastOnline = s;
            }
            if (s.state() != State.NO_ANSWER) {
                state = s.state();
            } else if (state == null) {
                state = State.NO_ANSWER;
            }
        }
        return out;
    }
}
