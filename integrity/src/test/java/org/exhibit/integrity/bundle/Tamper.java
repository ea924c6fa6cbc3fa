package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.exhibit.format.layout.BundleLayout;

/** Rewrites a (small) bundle with one change, as someone altering the evidence would. */
final class Tamper {
    private Tamper() {
    }

    /** A change that may need I/O or a TSA. */
    interface Change {
        void apply(Map<String, byte[]> entries) throws Exception;
    }

    static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (SafeZip zip = SafeZip.open(bundle, ZipLimits.DEFAULT)) {
            for (SafeZip.Entry e : zip.entries()) {
                try (InputStream in = zip.open(e)) {
                    entries.put(e.name(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static Path rewrite(Path bundle, Path to, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = read(bundle);
        change.accept(entries);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(to)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        return to;
    }

    /** {@link #flip} position of the last byte. */
    static final int LAST = Integer.MAX_VALUE;

    /** Flips the low bit of the byte at {@code at} (negative: the middle byte; {@link #LAST}: the last). */
    static Consumer<Map<String, byte[]>> flip(String name, int at) {
        return m -> {
            byte[] b = m.get(name).clone();
            int i = at == LAST ? b.length - 1 : at < 0 ? b.length / 2 : at;
            b[i] ^= 0x01;
            m.put(name, b);
        };
    }

    static Consumer<Map<String, byte[]>> delete(String name) {
        return m -> m.remove(name);
    }

    static Consumer<Map<String, byte[]>> add(String name, String content) {
        return m -> m.put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Consumer<Map<String, byte[]>> rename(String from, String to) {
        return m -> m.put(to, m.remove(from));
    }

    /** Changes the custody log's lines (0-based list, each without its newline). */
    static Consumer<Map<String, byte[]>> log(Consumer<List<String>> change) {
        return m -> {
            List<String> lines = new ArrayList<>(new String(m.get(BundleLayout.EVENTS), StandardCharsets.UTF_8)
                    .lines().toList());
            change.accept(lines);
            m.put(BundleLayout.EVENTS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        };
    }
}
