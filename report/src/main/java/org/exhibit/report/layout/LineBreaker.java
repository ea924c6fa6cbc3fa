package org.exhibit.report.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy line breaking for fixed widths: breaks at spaces; a word too long for a line (a URL, a hash in a
 * narrow column) breaks after '/', '?', '&', '=', '-' or '.', and failing that between any two characters.
 * A word that fits is never broken, so hashes stay whole wherever the column allows.
 */
final class LineBreaker {
    /** Measures a string's width in the unit of the width given to {@link #wrap}. */
    interface Measure {
        float width(String s);
    }

    private LineBreaker() {
    }

    static List<String> wrap(String text, float width, Measure m) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            wrapParagraph(para, width, m, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String para, float width, Measure m, List<String> lines) {
        StringBuilder line = new StringBuilder();
        for (String word : para.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (m.width(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (m.width(rest) > width) {
                int cut = cut(rest, width, m);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
    }

    /** Where to cut an over-long word: after the last break character that fits, else after the last character. */
    private static int cut(String word, float width, Measure m) {
        int fits = 1;
        while (fits < word.length() && m.width(word.substring(0, fits + 1)) <= width) {
            fits++;
        }
        for (int i = fits; i > fits / 2; i--) {
            if ("/?&=-.".indexOf(word.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return fits;
    }
}
