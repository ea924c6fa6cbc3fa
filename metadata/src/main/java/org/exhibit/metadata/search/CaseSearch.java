package org.exhibit.metadata.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a username, handle, phone number, address or URL in a case's texts: case-insensitive, line by line. A
 * query of phone-number characters with at least seven digits also matches the same digits written with other
 * spacing or punctuation ({@code +1 555 0100} finds {@code +1-555-0100}). In text read by OCR, which often reads an
 * underscore as a space or drops it ({@code @velvet_ fox 88}), spaces and underscores are ignored on both sides and
 * the hit says so.
 */
public final class CaseSearch {
    private static final int SNIPPET = 160;

    private CaseSearch() {
    }

    public static List<Hit> search(List<TextUnit> units, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        String digits = query.replaceAll("\\D", "");
        boolean phone = query.matches("[+\\d\\s().-]+") && digits.length() >= 7;
        String loose = loose(q);
        List<Hit> hits = new ArrayList<>();
        if (q.isEmpty()) {
            return hits;
        }
        for (TextUnit u : units) {
            String[] lines = u.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int at = line.toLowerCase(Locale.ROOT).indexOf(q);
                boolean found = at >= 0 || phone && line.replaceAll("\\D", "").contains(digits);
                boolean ocrOnly = !found && CaseTexts.OCR.equals(u.kind()) && loose.length() >= 4
                        && loose(line.toLowerCase(Locale.ROOT)).contains(loose);
                if (found || ocrOnly) {
                    String where = (lines.length == 1 ? u.where()
                            : (u.where().isEmpty() ? "" : u.where() + "; ") + "line " + (i + 1))
                            + (ocrOnly ? (lines.length == 1 && u.where().isEmpty() ? "" : "; ")
                            + "matched ignoring spaces and underscores" : "");
                    hits.add(new Hit(u.evidence(), u.file(), where, u.kind(), snippet(line, Math.max(at, 0))));
                }
            }
        }
        return hits;
    }

    private static String loose(String s) {
        return s.replaceAll("[\\s_]+", "");
    }

    private static String snippet(String line, int at) {
        String s = line.strip();
        if (s.length() <= SNIPPET) {
            return s;
        }
        int start = Math.max(0, Math.min(at - SNIPPET / 3, line.length() - SNIPPET));
        int end = Math.min(line.length(), start + SNIPPET);
        return (start > 0 ? "…" : "") + line.substring(start, end).strip() + (end < line.length() ? "…" : "");
    }
}
