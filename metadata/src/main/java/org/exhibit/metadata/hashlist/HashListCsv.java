package org.exhibit.metadata.hashlist;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The CSV form of a hash list (RFC 4180: comma-separated, quoted where needed, one header line). */
final class HashListCsv {
    static final String HEADER = "pdq,quality,md5,sha256,media_type,source,path,url,vpdq";

    private HashListCsv() {
    }

    static void write(List<HashRow> rows, Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        for (HashRow e : rows) {
            out.write(String.join(",", field(e.pdq()), field(e.quality() == null ? null : e.quality().toString()),
                    field(e.md5()), field(e.sha256()), field(e.mediaType()), field(e.source()), field(e.path()),
                    field(e.url()), field(e.vpdq())));
            out.write("\r\n");
        }
        out.flush();
    }

    /** The rows of {@code text}, each with its line number (the header is line 1). */
    static List<Numbered> parse(String text, String name) throws IOException {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        int pdq = header.indexOf("pdq");
        if (pdq < 0 && header.stream().noneMatch(h -> h.equals("md5") || h.equals("sha256") || h.equals("vpdq"))) {
            throw new IOException("expected a CSV header naming pdq, md5, sha256 or vpdq in " + name + ", got " + header);
        }
        List<Numbered> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String q = get(row, header, "quality");
            try {
                out.add(new Numbered(r + 1, new HashRow(get(row, header, "pdq"), q == null ? null : Integer.valueOf(q),
                        get(row, header, "md5"), get(row, header, "sha256"), get(row, header, "media_type"),
                        get(row, header, "source"), get(row, header, "path"), get(row, header, "url"),
                        get(row, header, "vpdq"))));
            } catch (IllegalArgumentException ex) {
                throw new IOException(name + " line " + (r + 1) + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** A row and the line it starts on. */
    record Numbered(int line, HashRow row) {
    }

    private static String get(List<String> row, List<String> header, String column) {
        int i = header.indexOf(column);
        if (i < 0 || i >= row.size() || row.get(i).isEmpty()) {
            return null;
        }
        return row.get(i);
    }

    private static String field(String v) {
        if (v == null) {
            return "";
        }
        return v.matches(".*[,\"\r\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
