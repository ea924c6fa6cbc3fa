package org.exhibit.report.source;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How reports write times and sizes: UTC to the second, exact byte counts. */
public final class Nodes {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Nodes() {
    }

    /** "2026-11-24 10:15:00 UTC", or "—" for null. */
    public static String utc(Instant t) {
        return t == null ? "—" : UTC.format(t);
    }

    /** "12,345 bytes" style sizes, exact: a court wants the number, not "12 KB". */
    public static String bytes(long size) {
        return String.format(java.util.Locale.ROOT, "%,d bytes", size);
    }
}
