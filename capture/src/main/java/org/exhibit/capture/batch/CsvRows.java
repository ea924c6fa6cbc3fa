package org.exhibit.capture.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, double-quoted fields that may hold commas, line breaks and doubled
 * quotes ({@code ""}). Each row keeps the line it started on, so problems can be reported by line number.
 */
final class CsvRows {
    /** One row of fields; {@code problem} is set when the row is malformed (an unclosed quote, text after one). */
    record Row(int line, List<String> fields, String problem) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private CsvRows() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        String problem = null;
        boolean quoted = false;
        boolean afterQuote = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n' || c == '\r') {
                fields.add(field.toString());
                rows.add(new Row(rowLine, List.copyOf(fields), problem));
                fields.clear();
                field.setLength(0);
                problem = null;
                afterQuote = false;
                rowLine = ++line;
            } else {
                if (afterQuote && problem == null) {
                    problem = "expected a comma or the end of the line after a closing quote, got '" + c + "'";
                }
                field.append(c);
            }
        }
        if (quoted) {
            problem = "expected a closing quote before the end of the file (the quote opened on line " + rowLine + ")";
        }
        if (quoted || !field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields), problem));
        }
        return rows;
    }
}
