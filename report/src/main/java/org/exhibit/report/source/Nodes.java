package org.exhibit.report.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Tolerant reading of JSON records: a missing or odd optional field reads as "" or null, never as an error,
 * because a report must still be written for an older or partial record.
 */
public final class Nodes {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Nodes() {
    }

    /** The text at {@code path} below {@code node}, or "" when any step is missing. Numbers read as text. */
    public static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n.isMissingNode() || n.isNull()) {
            return "";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    /** The instant at {@code path}, or null when missing or not ISO-8601. */
    public static Instant instant(JsonNode node, String... path) {
        String t = text(node, path);
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
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
