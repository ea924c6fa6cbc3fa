package org.exhibit.metadata.hashlist;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.vpdq.FfmpegMissingException;
import org.exhibit.metadata.vpdq.VpdqHash;
import org.exhibit.metadata.vpdq.VpdqHashFile;
import org.exhibit.metadata.vpdq.VpdqHasher;

/**
 * A list of hashes a victim can hand to a hash-matching service or a platform, or compare a case against:
 * PDQ for images, MD5 and vPDQ for videos, SHA-256 for all. On disk ({@link #write}) it is CSV
 * ({@link HashListCsv}) or JSON ({@code {"entries": [...]}}); each video's vPDQ hash is a file of its own in the
 * reference's text form ({@code frame_number,quality,pdq_hex,timestamp_seconds}, one line per sampled frame, as
 * ThreatExchange's {@code vpdq-hash-video} writes it) in a folder beside the list, {@code <list>.vpdq/<sha256>.txt},
 * which the entry's {@code vpdq} field names relative to the list's folder. {@link #read} takes either form.
 *
 * <pre>{@code
 * HashList list = HashList.fromCase(Path.of("cases/2026-017"));
 * HashList mine = HashList.fromFiles(List.of(Path.of("me.jpg"), Path.of("clip.mp4")), new ArtifactInspector(),
 *         new VpdqHasher());
 * mine.write(Path.of("mine.csv"), HashList.Format.CSV);        // mine.csv and mine.csv.vpdq/<sha256>.txt
 * }</pre>
 */
public record HashList(List<HashEntry> entries) {
    /** The folder of vPDQ files beside a list: the list's file name and this. */
    public static final String VPDQ_FOLDER_SUFFIX = ".vpdq";

    public HashList {
        entries = List.copyOf(entries);
    }

    /** The two forms of a list on disk. */
    public enum Format { CSV, JSON }

    /**
     * Every image (PDQ) and video (MD5, and the vPDQ hash the capture kept) listed in the case's
     * {@code data/captures/* /capture.json} and {@code data/files/* /item.json} records.
     */
    public static HashList fromCase(Path caseDir) throws IOException {
        return fromCase(caseDir, null, w -> { });
    }

    /**
     * As {@link #fromCase(Path)}, hashing with {@code hasher} each video the case keeps no vPDQ hash for (an
     * ingested video, a video the page loaded, a capture made without ffmpeg).
     *
     * @param hasher   null to hash nothing
     * @param warnings told, one line each, of a video that could not be hashed (it is listed without vPDQ)
     * @throws FfmpegMissingException when a video needs hashing and ffmpeg is not installed
     */
    public static HashList fromCase(Path caseDir, VpdqHasher hasher, Consumer<String> warnings) throws IOException {
        return fromCase(caseDir, subject -> true, hasher, warnings);
    }

    /**
     * As {@link #fromCase(Path, VpdqHasher, Consumer)} for the records whose subject ({@code captures/0007},
     * {@code files/0003}) {@code subjects} accepts: the captures of one recheck, say.
     */
    public static HashList fromCase(Path caseDir, java.util.function.Predicate<String> subjects, VpdqHasher hasher,
                                    Consumer<String> warnings) throws IOException {
        if (!Files.isDirectory(caseDir.resolve(CaseLayout.DATA))) {
            throw new IOException("expected a case folder with " + CaseLayout.DATA + "/, got " + caseDir);
        }
        List<Found> out = new ArrayList<>();
        Map<String, VpdqHash> known = new HashMap<>();
        for (RecordRef ref : Records.in(caseDir)) {
            if (!subjects.test(ref.subject())) {
                continue;
            }
            Path file = caseDir.resolve(ref.path());
            Path folder = caseDir.resolve(ref.folder());
            EvidenceRecord record;
            try {
                record = EvidenceRecord.read(ref.kind(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            String url = null;
            Map<String, String> vpdqFiles = new HashMap<>();
            Set<String> keptFiles = new HashSet<>();
            if (record instanceof CaptureRecord c) {
                url = c.finalUrl() != null ? c.finalUrl() : c.requestedUrl();
                for (VideoRecord v : c.videos() == null ? List.<VideoRecord>of() : c.videos()) {
                    if (v.file() != null && v.vpdq() != null) {
                        vpdqFiles.put(v.file(), v.vpdq());
                    }
                    if (v.file() != null) {
                        keptFiles.add(v.file());
                    }
                }
            }
            List<Artifact> artifacts = record.artifacts() == null ? List.of() : record.artifacts();
            Set<String> keptVideos = new HashSet<>();
            artifacts.stream().filter(a -> keptFiles.contains(a.path()) && a.sha256() != null)
                    .forEach(a -> keptVideos.add(a.sha256()));
            for (Artifact a : artifacts) {
                if (keptVideos.contains(a.sha256()) && !keptFiles.contains(a.path())) {
                    continue; // the same bytes as a kept video (its fetch, seen again among the page's resources)
                }
                HashEntry e = HashEntry.of(a, ref.subject(), url);
                String kept = vpdqFiles.get(a.path());
                if (kept != null) {
                    VpdqHash hash = readKept(folder, kept);
                    e = e.withVpdq(hash);
                    if (a.sha256() != null) {
                        known.put(a.sha256(), hash);
                    }
                }
                if (e.listable()) {
                    out.add(new Found(e, folder));
                }
            }
        }
        return new HashList(hashVideos(out, known, hasher, warnings));
    }

    /** The vPDQ file a capture kept for a video, read from the capture folder. */
    private static VpdqHash readKept(Path folder, String path) throws IOException {
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder.normalize())) {
            throw new IOException("expected a vPDQ file inside " + folder + ", got " + path);
        }
        try {
            return VpdqHashFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the vPDQ hash " + file + ": " + e.getMessage(), e);
        }
    }

    /** Gives each video without a vPDQ hash the one of the same bytes listed elsewhere, or hashes it. */
    private static List<HashEntry> hashVideos(List<Found> found, Map<String, VpdqHash> known, VpdqHasher hasher,
                                              Consumer<String> warnings) throws IOException {
        List<HashEntry> out = new ArrayList<>(found.size());
        for (Found f : found) {
            HashEntry e = f.entry();
            if (e.vpdq() == null && e.video() && e.sha256() != null) {
                VpdqHash hash = known.get(e.sha256());
                if (hash == null && hasher != null) {
                    Path file = f.folder().resolve(e.path()).normalize();
                    try {
                        if (!file.startsWith(f.folder().normalize())) {
                            throw new IOException("expected a file inside " + f.folder() + ", got " + e.path());
                        }
                        hash = hasher.hash(file);
                        known.put(e.sha256(), hash);
                    } catch (FfmpegMissingException ex) {
                        throw ex;
                    } catch (IOException ex) {
                        warnings.accept(e.source() + "/" + e.path() + ": no vPDQ hash: " + ex.getMessage());
                    }
                }
                e = e.withVpdq(hash);
            }
            out.add(e);
        }
        return out;
    }

    /** Hashes files given directly (a victim's own photos), by inspecting each; videos get no vPDQ hash. */
    public static HashList fromFiles(List<Path> files, ArtifactInspector inspector) throws IOException {
        return fromFiles(files, inspector, null);
    }

    /**
     * Hashes files given directly (a victim's own photos and videos) on this machine: each is inspected (SHA-256
     * and MD5 in one streaming read, PDQ for an image) and each video vPDQ-hashed with {@code hasher}.
     *
     * @param hasher null to give videos no vPDQ hash
     * @throws FfmpegMissingException   when a video is given and ffmpeg is not installed
     * @throws org.exhibit.metadata.vpdq.UnreadableVideoException when a video cannot be decoded (names it)
     */
    public static HashList fromFiles(List<Path> files, ArtifactInspector inspector, VpdqHasher hasher)
            throws IOException {
        List<HashEntry> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("expected a file, got " + f);
            }
            Artifact a = inspector.inspect(f, f.getFileName().toString(), "original");
            HashEntry e = HashEntry.of(a, f.toString(), null);
            if (hasher != null && e.video()) {
                e = e.withVpdq(hasher.hash(f));
            }
            out.add(e);
        }
        return new HashList(out);
    }

    /** Reads CSV or JSON, told apart by the first character, with the vPDQ files its entries name. */
    public static HashList read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        List<HashEntry> out = new ArrayList<>();
        if (text.stripLeading().startsWith("{")) {
            OnDisk list = Json.MAPPER.readValue(text, OnDisk.class);
            List<HashRow> rows = list.entries() == null ? List.of() : list.entries();
            for (int i = 0; i < rows.size(); i++) {
                out.add(entry(rows.get(i), dir, file + " entry " + (i + 1)));
            }
        } else {
            for (HashListCsv.Numbered n : HashListCsv.parse(text, file.toString())) {
                out.add(entry(n.row(), dir, file + " line " + n.line()));
            }
        }
        return new HashList(out);
    }

    private static HashEntry entry(HashRow row, Path dir, String where) throws IOException {
        try {
            return row.entry(dir);
        } catch (IllegalArgumentException | IOException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the list to {@code file} and each video's vPDQ hash to {@code <file>.vpdq/<sha256>.txt}, replacing
     * the hash files of an earlier list there.
     */
    public void write(Path file, Format format) throws IOException {
        Path dir = vpdqFolder(file);
        String folder = dir.getFileName().toString();
        List<HashRow> rows = new ArrayList<>(entries.size());
        List<String> written = new ArrayList<>();
        int n = 0;
        for (HashEntry e : entries) {
            n++;
            String ref = null;
            if (e.vpdq() != null) {
                String name = (e.sha256() != null ? e.sha256() : "entry-" + n) + ".txt";
                Files.createDirectories(dir);
                VpdqHashFile.write(e.vpdq(), dir.resolve(name));
                written.add(name);
                ref = folder + "/" + name;
            }
            rows.add(HashRow.of(e, ref));
        }
        removeStale(dir, written);
        if (format == Format.JSON) {
            Json.writeAtomically(file, Json.bytes(new OnDisk(rows)));
        } else {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                HashListCsv.write(rows, w);
            }
        }
    }

    /** The folder of vPDQ files beside {@code list}. */
    public static Path vpdqFolder(Path list) {
        return list.resolveSibling(list.getFileName() + VPDQ_FOLDER_SUFFIX);
    }

    private static void removeStale(Path dir, List<String> written) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("([0-9a-f]{64}|entry-[0-9]+)\\.txt") && !written.contains(name)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The CSV form without vPDQ hashes (they need files of their own: {@link #write}). */
    public void writeCsv(Writer out) throws IOException {
        HashListCsv.write(entries.stream().map(e -> HashRow.of(e, null)).toList(), out);
    }

    /** The JSON form without vPDQ hashes (they need files of their own: {@link #write}). */
    public byte[] json() {
        return Json.bytes(new OnDisk(entries.stream().map(e -> HashRow.of(e, null)).toList()));
    }

    /** How many entries carry a vPDQ hash. */
    public long videoHashes() {
        return entries.stream().filter(e -> e.vpdq() != null).count();
    }

    /** An entry of a case and the folder of its record. */
    private record Found(HashEntry entry, Path folder) {
    }

    /** The JSON document. */
    private record OnDisk(List<HashRow> entries) {
    }
}
