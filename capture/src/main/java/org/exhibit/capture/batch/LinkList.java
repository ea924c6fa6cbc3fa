package org.exhibit.capture.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.exhibit.integrity.digest.Sha256;

/**
 * A list of URLs to capture: plain text (one URL a line, {@code #} comments, blank lines) or CSV with a header
 * naming a {@code url} column and optionally {@code platform}, {@code username}, {@code description} and
 * {@code notes}, which go into each capture's record. Bad lines do not stop the others: each is kept as a
 * {@link LinkProblem} with its line number and reason.
 *
 * <pre>{@code
 * LinkList list = LinkList.read(Path.of("links.csv"));
 * list.problems().forEach(p -> System.err.println(p.message("links.csv")));
 * list.entries();   // the good lines, in list order, without duplicates
 * list.id();        // the batch id: SHA-256 of the sorted normalised URLs
 * }</pre>
 *
 * @param source   where the list came from, for messages
 * @param entries  the lines to capture, in list order
 * @param problems the lines that will not be captured
 */
public record LinkList(String source, List<LinkEntry> entries, List<LinkProblem> problems) {
    /** The CSV columns carried into the capture record, in this order. */
    public static final List<String> NOTE_COLUMNS = List.of("platform", "username", "description", "notes");

    public LinkList {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** Reads a list from a UTF-8 file; CSV when it ends in {@code .csv} or its first line is a header with {@code url}. */
    public static LinkList read(Path file) throws IOException {
        return parse(file.toString(), decode(file), LinkUrl::parse);
    }

    /**
     * Parses list text. {@code check} turns a line into a URL or throws {@link IllegalArgumentException} with the
     * reason (normally {@link LinkUrl#parse}).
     */
    public static LinkList parse(String source, String text, Function<String, LinkUrl> check) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Collector c = new Collector(check);
        if (source.toLowerCase(Locale.ROOT).endsWith(".csv") || looksLikeCsv(text)) {
            CsvList.parse(text, c);
        } else {
            String[] lines = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replaceFirst("(^|\\s)#.*$", "").strip();
                if (!line.isEmpty()) {
                    c.add(i + 1, lines[i], line, Map.of());
                }
            }
        }
        return new LinkList(source, c.entries, c.problems);
    }

    /** The batch id: lower-case hex SHA-256 over the sorted normalised URLs, one a line; a reordered list keeps it. */
    public String id() {
        StringBuilder all = new StringBuilder();
        entries.stream().map(e -> e.url().key()).sorted().forEach(k -> all.append(k).append('\n'));
        return Sha256.ofBytes(all.toString().getBytes(StandardCharsets.UTF_8)).hex();
    }

    private static boolean looksLikeCsv(String text) {
        for (String line : text.split("\r\n|\r|\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return t.contains(",") && List.of(t.toLowerCase(Locale.ROOT).split(",")).stream()
                        .map(s -> s.strip().replace("\"", "")).anyMatch("url"::equals);
            }
        }
        return false;
    }

    private static String decode(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": expected UTF-8 text, got bytes that are not (save the list as UTF-8)");
        }
    }

    /** Gathers good lines and problems, and spots duplicates after normalisation. */
    static final class Collector {
        private final Function<String, LinkUrl> check;
        private final List<LinkEntry> entries = new ArrayList<>();
        private final List<LinkProblem> problems = new ArrayList<>();
        private final Map<String, LinkEntry> seen = new HashMap<>();

        Collector(Function<String, LinkUrl> check) {
            this.check = check;
        }

        void add(int line, String text, String url, Map<String, String> notes) {
            LinkUrl parsed;
            try {
                parsed = check.apply(url);
            } catch (IllegalArgumentException e) {
                problems.add(new LinkProblem(line, text, e.getMessage()));
                return;
            }
            LinkEntry first = seen.get(parsed.key());
            if (first != null) {
                problems.add(new LinkProblem(line, text, "duplicate of line " + first.line() + ": both are "
                        + parsed.display()));
                return;
            }
            LinkEntry entry = new LinkEntry(line, parsed, new LinkedHashMap<>(notes));
            seen.put(parsed.key(), entry);
            entries.add(entry);
        }

        void problem(int line, String text, String reason) {
            problems.add(new LinkProblem(line, text, reason));
        }
    }
}
