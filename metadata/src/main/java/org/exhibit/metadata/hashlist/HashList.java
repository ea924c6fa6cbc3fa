package org.exhibit.metadata.hashlist;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.metadata.ArtifactInspector;

/**
 * A list of hashes a victim can hand to a hash-matching service or a platform, or compare a case against.
 * Written as CSV ({@link HashListCsv}) or JSON ({@code {"entries": [...]}}); {@link #read} takes either.
 *
 * <pre>{@code
 * HashList list = HashList.fromCase(Path.of("cases/2026-017"));
 * list.writeCsv(writer);
 * HashList mine = HashList.fromFiles(List.of(Path.of("me.jpg")), new ArtifactInspector());
 * }</pre>
 */
public record HashList(List<HashEntry> entries) {
    public HashList {
        entries = List.copyOf(entries);
    }

    /**
     * Every image (PDQ) and video (MD5) listed in the case's {@code data/captures/* /capture.json} and
     * {@code data/files/* /item.json} records.
     */
    public static HashList fromCase(Path caseDir) throws IOException {
        Path data = caseDir.resolve("data");
        if (!Files.isDirectory(data)) {
            throw new IOException("expected a case folder with data/, got " + caseDir);
        }
        List<HashEntry> out = new ArrayList<>();
        collect(data.resolve("captures"), "capture.json", "captures/", out);
        collect(data.resolve("files"), "item.json", "files/", out);
        return new HashList(out);
    }

    private static void collect(Path dir, String recordName, String prefix, List<HashEntry> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            Path record = folder.resolve(recordName);
            if (!Files.isRegularFile(record)) {
                continue;
            }
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(record.toFile());
            } catch (IOException e) {
                throw new IOException("cannot read " + record + ": " + e.getMessage(), e);
            }
            String url = text(root, "finalUrl", "url", "requestedUrl");
            for (JsonNode a : root.path("artifacts")) {
                HashEntry e = HashEntry.of(Json.MAPPER.treeToValue(a, Artifact.class),
                        prefix + folder.getFileName(), url);
                if (e.listable()) {
                    out.add(e);
                }
            }
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            if (node.hasNonNull(n) && node.get(n).isTextual()) {
                return node.get(n).asText();
            }
        }
        return null;
    }

    /** Hashes files given directly (a victim's own photos), by inspecting each. */
    public static HashList fromFiles(List<Path> files, ArtifactInspector inspector) throws IOException {
        List<HashEntry> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("expected a file, got " + f);
            }
            Artifact a = inspector.inspect(f, f.getFileName().toString(), "original");
            out.add(HashEntry.of(a, f.toString(), null));
        }
        return new HashList(out);
    }

    /** Reads CSV or JSON, told apart by the first character. */
    public static HashList read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            HashList list = Json.MAPPER.readValue(text, HashList.class);
            return list.entries() == null ? new HashList(List.of()) : list;
        }
        return HashListCsv.parse(text, file.toString());
    }

    public void writeCsv(Writer out) throws IOException {
        HashListCsv.write(this, out);
    }

    public byte[] json() {
        return Json.bytes(this);
    }
}
