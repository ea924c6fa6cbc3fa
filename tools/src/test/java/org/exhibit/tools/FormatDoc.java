package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code docs/FORMAT.md} read by the notation its section "How this page is written" defines: file tables,
 * field tables, the check table, the {@code $ } command lines and the headings. Anything in a table that does
 * not follow the notation is an error naming its line, so that the page cannot drift out of what the drift test
 * understands.
 */
final class FormatDoc {
    /** What a field table may describe; an action table is {@code custody/events.jsonl#<action>}. */
    static final Set<String> KINDS = Set.of("capture.json", "item.json", "custody/manifest.json",
            "custody/events.jsonl", "bag-info.txt", "exhibit verify --json");
    static final Set<String> PLACEHOLDERS = Set.of("<capture-id>", "<item-id>", "<tsa>", "<sha256>", "<ext>",
            "<file-name>", "<frame-number>");
    static final String EVENTS = "custody/events.jsonl";
    private static final Pattern BASE_TYPE = Pattern.compile("string|integer|number|boolean|time|sha256|object");
    private static final Pattern FIELD_HEADER = Pattern.compile(
            "((?:`[^`]+`)(?:(?:, | and )`[^`]+`)*) field(?:, action `([a-z][a-z-]*)`)?( \\(optional\\))?");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SEPARATOR = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>");
    private static final String OPTIONAL = " (optional)";

    /** A row of a file table: a path pattern in the bundle. */
    record FileRow(String pattern, boolean optional, int line) {
    }

    /** A row of a field table: a JSON path (or bag-info label) and its type without the optional mark. */
    record FieldRow(String path, String type, boolean optional, int line) {
        /** Whether an observed path is this row's path, {@code *} standing for any one key. */
        boolean matches(String observed) {
            return observed.matches(Arrays.stream(path.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining("[^.]+")));
        }
    }

    /**
     * A field table.
     *
     * @param kinds    what it describes: e.g. {@code capture.json}, or {@code custody/events.jsonl#sealed}
     * @param optional whether the header marks the whole table optional
     */
    record FieldTable(List<String> kinds, boolean optional, List<FieldRow> rows, int line) {
        String name() {
            return String.join(" and ", kinds) + " (line " + line + ")";
        }
    }

    final List<FileRow> files = new ArrayList<>();
    final List<FieldTable> tables = new ArrayList<>();
    final List<String> checks = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    /** Every backticked text of every heading. */
    final List<String> headingCode = new ArrayList<>();

    private FormatDoc() {
    }

    static FormatDoc read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static FormatDoc parse(List<String> lines) {
        FormatDoc doc = new FormatDoc();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (line.startsWith("#")) {
                Matcher m = CODE.matcher(line);
                while (m.find()) {
                    doc.headingCode.add(m.group(1));
                }
            } else if (stripped.startsWith("$ ")) {
                doc.commands.add(stripped.substring(2));
            } else if (line.startsWith("|")) {
                if (i + 1 >= lines.size() || !SEPARATOR.matcher(lines.get(i + 1).strip()).matches()) {
                    throw new IllegalArgumentException("FORMAT.md line " + (i + 1)
                            + ": a table row outside a table (expected a header row followed by |---|)");
                }
                int start = i;
                List<List<String>> rows = new ArrayList<>();
                for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                    rows.add(cells(lines.get(i)));
                }
                i--;
                doc.table(start + 1, cells(line), rows);
            }
        }
        return doc;
    }

    private void table(int line, List<String> header, List<List<String>> rows) {
        String first = header.get(0);
        if (first.equals("file")) {
            for (int r = 0; r < rows.size(); r++) {
                String pattern = code(rows.get(r).get(0), line + 2 + r);
                Matcher m = PLACEHOLDER.matcher(pattern);
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group())) {
                        throw new IllegalArgumentException("FORMAT.md line " + (line + 2 + r) + ": placeholder "
                                + m.group() + " in " + pattern + ", expected one of " + PLACEHOLDERS);
                    }
                }
                files.add(new FileRow(pattern, cell(rows.get(r), 1).contains("(optional)"), line + 2 + r));
            }
            return;
        }
        if (first.equals("check")) {
            for (int r = 0; r < rows.size(); r++) {
                checks.add(code(rows.get(r).get(0), line + 2 + r));
            }
            return;
        }
        Matcher h = FIELD_HEADER.matcher(first);
        if (!h.matches()) {
            throw new IllegalArgumentException("FORMAT.md line " + line + ": table header \"" + first + "\", expected "
                    + "\"file\", \"check\" or \"`RECORD` field\" (see \"How this page is written\")");
        }
        List<String> kinds = new ArrayList<>();
        Matcher names = CODE.matcher(h.group(1));
        while (names.find()) {
            String kind = names.group(1);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("FORMAT.md line " + line + ": a field table of " + kind
                        + ", expected one of " + KINDS);
            }
            if (h.group(2) != null && !kind.equals(EVENTS)) {
                throw new IllegalArgumentException("FORMAT.md line " + line + ": an action table of " + kind
                        + ", expected " + EVENTS);
            }
            kinds.add(h.group(2) == null ? kind : kind + "#" + h.group(2));
        }
        List<FieldRow> fields = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int n = line + 2 + r;
            String path = code(rows.get(r).get(0), n);
            String type = cell(rows.get(r), 1);
            boolean optional = type.endsWith(OPTIONAL);
            type = optional ? type.substring(0, type.length() - OPTIONAL.length()) : type;
            String base = type.startsWith("array of ") ? type.substring("array of ".length()) : type;
            if (!BASE_TYPE.matcher(base).matches()) {
                throw new IllegalArgumentException("FORMAT.md line " + n + ": type \"" + type + "\" of " + path
                        + ", expected string, integer, number, boolean, time, sha256, object or \"array of\" one"
                        + " of them, optionally followed by \"(optional)\"");
            }
            fields.add(new FieldRow(path, type, optional, n));
        }
        tables.add(new FieldTable(List.copyOf(kinds), h.group(3) != null, List.copyOf(fields), line));
    }

    /** The cells of a table row; {@code \|} is a pipe inside a cell. */
    private static List<String> cells(String row) {
        String body = row.strip();
        body = body.substring(1, body.endsWith("|") && body.length() > 1 ? body.length() - 1 : body.length());
        return Arrays.stream(body.split("(?<!\\\\)\\|", -1)).map(c -> c.strip().replace("\\|", "|")).toList();
    }

    private static String cell(List<String> row, int k) {
        return k < row.size() ? row.get(k) : "";
    }

    private static String code(String cell, int line) {
        Matcher m = CODE.matcher(cell);
        if (!m.matches()) {
            throw new IllegalArgumentException("FORMAT.md line " + line + ": first cell \"" + cell
                    + "\", expected one backticked name");
        }
        return m.group(1);
    }
}
