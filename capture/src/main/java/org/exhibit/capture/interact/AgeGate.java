package org.exhibit.capture.interact;

import java.util.Locale;

/** What to do at an age gate: click through it as an adult would, or stop there and say so. */
public enum AgeGate {
    ACCEPT, STOP;

    /** "accept" or "stop". */
    public static AgeGate parse(String s) {
        for (AgeGate g : values()) {
            if (g.name().toLowerCase(Locale.ROOT).equals(s)) {
                return g;
            }
        }
        throw new IllegalArgumentException("expected an age-gate policy of accept or stop, got " + s);
    }
}
