package org.exhibit.report.layout;

/**
 * One label/value line of a report.
 *
 * @param label what the value is
 * @param value the value; hashes and fingerprints are {@code mono} so they read unambiguously
 * @param mono  set in a fixed-width font
 */
public record Field(String label, String value, boolean mono) {
    public Field {
        value = value == null ? "" : value;
    }

    public static Field text(String label, String value) {
        return new Field(label, value, false);
    }

    public static Field mono(String label, String value) {
        return new Field(label, value, true);
    }
}
