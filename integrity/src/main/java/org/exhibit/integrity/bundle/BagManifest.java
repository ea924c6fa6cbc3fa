package org.exhibit.integrity.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibit.integrity.digest.Sha256;

/**
 * A BagIt SHA-256 manifest ({@code manifest-sha256.txt}, {@code tagmanifest-sha256.txt}): one
 * {@code "<sha256>  <path>"} line a file, sorted by path, in the form {@code sha256sum -c} reads as it is.
 * Paths that BagIt would have to percent-encode (CR, LF, '%') or that sha256sum would escape ('\') are refused,
 * so that both readings of the file agree.
 */
public record BagManifest(SortedMap<String, Sha256> files) {
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");
    private static final int MAX_LINE = 8192;

    public BagManifest {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        for (String path : files.keySet()) {
            checkPath(path);
        }
    }

    /** Refuses a path that cannot be written to a manifest both BagIt and sha256sum read the same way. */
    public static void checkPath(String path) {
        for (char c : new char[] {'\n', '\r', '%', '\\'}) {
            if (path.indexOf(c) >= 0) {
                throw new IllegalArgumentException(EntryNames.quote(path) + ": expected a path without CR, LF, '%'"
                        + " or '\\', got one with " + EntryNames.quote(String.valueOf(c)));
            }
        }
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder(files.size() * 100);
        files.forEach((path, sha) -> sb.append(sha.hex()).append("  ").append(path).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest; {@code name} is the file's name for messages.
     *
     * @throws IllegalArgumentException a malformed or duplicated line, naming the file and line number
     */
    public static BagManifest parse(String name, byte[] content) {
        try {
            return parse(name, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a manifest line by line from a stream (not closed); memory is one line and the map. */
    public static BagManifest parse(String name, InputStream content) throws IOException {
        Map<String, Sha256> files = new TreeMap<>();
        InputStream in = new BufferedInputStream(content, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int number = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (b != '\n') {
                if (line.size() >= MAX_LINE) {
                    throw new IllegalArgumentException(name + " line " + (number + 1) + ": longer than " + MAX_LINE
                            + " bytes");
                }
                line.write(b);
                continue;
            }
            number++;
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException(name + " line " + number + ": expected \"<sha256>  <path>\", got \""
                        + EntryNames.quote(abbreviate(text)) + "\"");
            }
            String path = m.group(2);
            if (files.put(path, new Sha256(m.group(1).toLowerCase(Locale.ROOT))) != null) {
                throw new IllegalArgumentException(name + " line " + number + ": " + path + " listed twice");
            }
        }
        if (line.size() > 0) {
            throw new IllegalArgumentException(name + ": expected a final newline, got none");
        }
        return new BagManifest(new TreeMap<>(files));
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
