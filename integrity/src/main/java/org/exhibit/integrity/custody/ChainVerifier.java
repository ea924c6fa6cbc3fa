package org.exhibit.integrity.custody;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.custody.ChainReport.ChainBreak;
import org.exhibit.integrity.custody.ChainReport.Kind;
import org.exhibit.integrity.digest.Sha256;

/**
 * Walks a custody log from a stream (a file or a ZIP entry) and names the first place its hash chain
 * breaks. Keeps only each line's hash, seq and prev, never the lines.
 *
 * <pre>{@code
 * ChainReport r = ChainVerifier.check(zip.getInputStream(entry), manifestHead);
 * if (!r.intact()) System.out.println("custody/events.jsonl: " + r.firstBreak().message());
 * }</pre>
 */
public final class ChainVerifier {
    /** Lines longer than this are refused, which bounds memory on a hostile log. */
    public static final int MAX_LINE = 1 << 20;

    private record Line(Sha256 hash, Long seq, Sha256 prev, String problem) {
    }

    private ChainVerifier() {
    }

    /**
     * @param expectedHead the head recorded elsewhere (a bundle manifest), or null to check the chain alone
     */
    public static ChainReport check(InputStream stream, Sha256 expectedHead) throws IOException {
        List<Line> lines = new ArrayList<>();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        for (int r; (r = stream.read(chunk)) >= 0; ) {
            int start = 0;
            for (int k = 0; k < r; k++) {
                if (chunk[k] == '\n') {
                    buf.write(chunk, start, k + 1 - start);
                    lines.add(facts(buf.toByteArray()));
                    buf.reset();
                    start = k + 1;
                }
            }
            buf.write(chunk, start, r - start);
            if (buf.size() > MAX_LINE) {
                long n = lines.size() + 1;
                return new ChainReport(lines.size(), head(lines), new ChainBreak(n, Kind.UNREADABLE,
                        "line " + n + " is longer than " + MAX_LINE + " bytes: not a custody event"));
            }
        }
        if (buf.size() > 0) {
            long n = lines.size() + 1;
            return new ChainReport(lines.size(), head(lines), new ChainBreak(n, Kind.HALF_WRITTEN,
                    "line " + n + " is half-written (" + buf.size() + " bytes, no newline): writing stopped mid-append;"
                            + " repair the log to truncate it"));
        }
        ChainBreak brk = firstBreak(lines);
        if (brk == null && expectedHead != null) {
            brk = headBreak(lines, expectedHead);
        }
        return new ChainReport(lines.size(), head(lines), brk);
    }

    private static Sha256 head(List<Line> lines) {
        return lines.isEmpty() ? Sha256.ZERO : lines.get(lines.size() - 1).hash();
    }

    private static Line facts(byte[] bytes) {
        Sha256 hash = Sha256.ofBytes(bytes);
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                return new Line(hash, null, null, "is not a JSON object");
            }
            JsonNode seq = node.get(CustodyEvent.SEQ);
            JsonNode prev = node.get(CustodyEvent.PREV);
            if (seq == null || !seq.canConvertToExactIntegral() || prev == null || !prev.isTextual()) {
                return new Line(hash, null, null, "has no valid seq or prev");
            }
            return new Line(hash, seq.asLong(), new Sha256(prev.asText()), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Line(hash, null, null, "is not valid JSON");
        }
    }

    private static ChainBreak firstBreak(List<Line> lines) {
        Map<Sha256, Integer> byHash = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byHash.putIfAbsent(lines.get(i).hash(), i);
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            long n = i + 1;
            if (line.problem() != null) {
                return new ChainBreak(n, Kind.UNREADABLE, "line " + n + " " + line.problem() + ": edited or damaged");
            }
            Sha256 expectedPrev = i == 0 ? Sha256.ZERO : lines.get(i - 1).hash();
            if (!line.prev().equals(expectedPrev)) {
                return prevBreak(lines, byHash, i);
            }
            if (line.seq() != n) {
                return new ChainBreak(n, Kind.EDITED, "line " + n + " was edited: it has seq " + line.seq()
                        + ", expected " + n);
            }
        }
        return null;
    }

    private static ChainBreak prevBreak(List<Line> lines, Map<Sha256, Integer> byHash, int i) {
        Line line = lines.get(i);
        long n = i + 1;
        Integer j = byHash.get(line.prev());
        if (j != null) {
            return new ChainBreak(n, Kind.REORDERED, "line " + n + " (seq " + line.seq() + ") was written after line "
                    + (j + 1) + " (seq " + lines.get(j).seq() + "), not after line " + i
                    + ": lines were reordered or repeated");
        }
        long before = i == 0 ? 0 : lines.get(i - 1).seq() == null ? -1 : lines.get(i - 1).seq();
        if (before >= 0 && line.seq() > before + 1) {
            long from = before + 1;
            long to = line.seq() - 1;
            String which = from == to ? "the line with seq " + from + " is" : "the lines with seq " + from + ".." + to + " are";
            String where = i == 0 ? "before line 1" : "between line " + i + " and line " + n;
            return new ChainBreak(n, Kind.REMOVED, which + " missing " + where + ": removed from the log");
        }
        boolean nextAlsoBroken = i + 1 < lines.size() && lines.get(i + 1).prev() != null
                && !lines.get(i + 1).prev().equals(line.hash());
        if (i == 0 || nextAlsoBroken) {
            return new ChainBreak(n, Kind.EDITED, "line " + n + " was edited: its prev " + line.prev().hex()
                    + " matches no line" + (i == 0 ? " (the first line's prev must be 64 zeros)" : ""));
        }
        return new ChainBreak(i, Kind.EDITED, "line " + i + " was edited: its SHA-256 is "
                + lines.get(i - 1).hash().hex() + " but line " + n + " records prev " + line.prev().hex());
    }

    private static ChainBreak headBreak(List<Line> lines, Sha256 expectedHead) {
        Sha256 head = head(lines);
        if (head.equals(expectedHead)) {
            return null;
        }
        long n = lines.size();
        for (int j = 0; j < lines.size(); j++) {
            if (lines.get(j).hash().equals(expectedHead)) {
                return new ChainBreak(j + 2, Kind.APPENDED, "lines " + (j + 2) + ".." + n
                        + " were added after the recorded head (line " + (j + 1) + ")");
            }
        }
        return new ChainBreak(n, Kind.TRUNCATED, "the log ends at line " + n + " with SHA-256 " + head.hex()
                + ", expected head " + expectedHead.hex() + ": the last line was edited or lines after it were removed");
    }
}
