package org.exhibit.capture.proxy;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in reasons: "2.5 s". */
final class Seconds {
    private Seconds() {
    }

    static String of(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.format(Locale.ROOT, "%d", (long) s) : String.format(Locale.ROOT, "%.1f", s)) + " s";
    }
}
