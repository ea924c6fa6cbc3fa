package org.exhibit.capture.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A link list in CSV: a header row naming {@code url} and optional note columns, then one row per URL. */
final class CsvList {
    private CsvList() {
    }

    static void parse(String text, LinkList.Collector out) {
        List<CsvRows.Row> rows = CsvRows.parse(text);
        int at = 0;
        while (at < rows.size() && skip(rows.get(at))) {
            at++;
        }
        if (at == rows.size()) {
            return;
        }
        CsvRows.Row header = rows.get(at);
        List<String> names = header.fields().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int url = names.indexOf("url");
        if (url < 0 || header.problem() != null) {
            out.problem(header.line(), String.join(",", header.fields()), "expected a CSV header with a \"url\" column, got "
                    + (header.problem() != null ? header.problem() : String.join(",", header.fields()))
                    + "; no line of this list can be read");
            return;
        }
        for (CsvRows.Row row : rows.subList(at + 1, rows.size())) {
            if (skip(row)) {
                continue;
            }
            String text0 = String.join(",", row.fields());
            if (row.problem() != null) {
                out.problem(row.line(), text0, "not a CSV row: " + row.problem());
            } else if (row.fields().size() > names.size()) {
                out.problem(row.line(), text0, "expected at most " + names.size() + " fields as in the header, got "
                        + row.fields().size() + " (quote a field that contains a comma)");
            } else if (url >= row.fields().size() || row.fields().get(url).isBlank()) {
                out.problem(row.line(), text0, "not a URL: the url column is empty");
            } else {
                Map<String, String> notes = new LinkedHashMap<>();
                for (String column : LinkList.NOTE_COLUMNS) {
                    int k = names.indexOf(column);
                    if (k >= 0 && k < row.fields().size() && !row.fields().get(k).isBlank()) {
                        notes.put(column, row.fields().get(k).strip());
                    }
                }
                out.add(row.line(), text0, row.fields().get(url), notes);
            }
        }
    }

    private static boolean skip(CsvRows.Row row) {
        return row.problem() == null && (row.blank() || row.fields().get(0).stripLeading().startsWith("#"));
    }
}
