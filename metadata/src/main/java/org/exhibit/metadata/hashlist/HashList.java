package org.exhibit.metadata.hashlist;

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
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.EvidenceRecord;

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
        if (!Files.isDirectory(caseDir.resolve(CaseLayout.DATA))) {
            throw new IOException("expected a case folder with " + CaseLayout.DATA + "/, got " + caseDir);
        }
        List<HashEntry> out = new ArrayList<>();
        for (RecordRef ref : Records.in(caseDir)) {
            Path file = caseDir.resolve(ref.path());
            EvidenceRecord record;
            try {
                record = EvidenceRecord.read(ref.kind(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            String url = record instanceof CaptureRecord c ? (c.finalUrl() != null ? c.finalUrl() : c.requestedUrl())
                    : null;
            for (Artifact a : record.artifacts() == null ? List.<Artifact>of() : record.artifacts()) {
                HashEntry e = HashEntry.of(a, ref.subject(), url);
                if (e.listable()) {
                    out.add(e);
                }
            }
        }
        return new HashList(out);
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
