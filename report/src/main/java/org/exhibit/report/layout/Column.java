package org.exhibit.report.layout;

/**
 * A table column.
 *
 * @param title  header text
 * @param weight share of the table's width
 * @param mono   set in a fixed-width font (hashes), so a 64-character hash stays on one line where it fits
 */
public record Column(String title, float weight, boolean mono) {
    public static Column text(String title, float weight) {
        return new Column(title, weight, false);
    }

    public static Column mono(String title, float weight) {
        return new Column(title, weight, true);
    }
}
