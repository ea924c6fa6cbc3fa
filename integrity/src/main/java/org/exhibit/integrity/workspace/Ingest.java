package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Actor;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.files.FileTree;

/**
 * Copies evidence files the victim already holds into {@code data/files/<id>/}, bytes unchanged, with an
 * {@code item.json} that is timestamped at once and an {@code ingested} custody event.
 *
 * <pre>{@code
 * Ingest ingest = new Ingest(ws, new RecordStamper(ws, timestamper, me.actor()), me.actor(),
 *         ArtifactDescriber.mediaTypeOnly());
 * for (ItemOutcome o : ingest.ingest(List.of(Path.of("chat.png")), null)) {
 *     System.out.println(o.ingested() ? o.folder() : o.error());
 * }
 * }</pre>
 */
public final class Ingest {
    private final CaseWorkspace ws;
    private final RecordStamper stamper;
    private final Actor actor;
    private final ArtifactDescriber describer;
    private Map<String, String> itemsByDigest;

    public Ingest(CaseWorkspace ws, RecordStamper stamper, Actor actor, ArtifactDescriber describer) {
        this.ws = ws;
        this.stamper = stamper;
        this.actor = actor;
        this.describer = describer == null ? ArtifactDescriber.mediaTypeOnly() : describer;
    }

    /** Ingests each file in turn; a file that cannot be read is reported and the others still go in. */
    public List<ItemOutcome> ingest(List<Path> files, String source) throws IOException {
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            outcomes.add(ingest(file, source));
        }
        return outcomes;
    }

    /** Ingests one file. Problems with the input are returned as the outcome's error; problems with the case throw. */
    public ItemOutcome ingest(Path input, String source) throws IOException {
        return ingest(input, source, null, null);
    }

    /**
     * Ingests one file and then, as items of their own, the files it contains (a chat export's attachments);
     * every outcome is returned, the file's first.
     */
    public List<ItemOutcome> ingestWithContents(Path input, String source) throws IOException {
        List<ItemOutcome> out = new ArrayList<>();
        List<Derivation> derivations = new ArrayList<>();
        ItemOutcome first = ingest(input, source, null, derivations);
        out.add(first);
        for (Derivation d : derivations) {
            try {
                for (Derivation.Contained c : d.contained()) {
                    String id = first.folder().getFileName().toString();
                    out.add(ingest(c.file(), source, new ItemRecord.Container(id, c.path()), null));
                }
            } finally {
                if (d.scratch() != null) {
                    FileTree.delete(d.scratch());
                }
            }
        }
        return out;
    }

    private ItemOutcome ingest(Path input, String source, ItemRecord.Container containedIn,
                               List<Derivation> derivations) throws IOException {
        String problem = unreadable(input);
        if (problem != null) {
            return new ItemOutcome(input, null, null, null, problem);
        }
        String originalName = input.getFileName().toString();
        List<String> warnings = new ArrayList<>();
        Path folder = ws.newItemDir();
        String id = folder.getFileName().toString();
        String name = FileNames.sanitise(originalName);
        if (!name.equals(originalName)) {
            warnings.add("stored as \"" + name + "\": the original name \"" + originalName + "\" is not safe as a file name");
        }
        Path copy = folder.resolve(name);
        Sha256 sha256;
        long size;
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(input).toInstant();
            sha256 = copy(input, copy);
            size = Files.size(copy);
            Files.setLastModifiedTime(copy, Files.getLastModifiedTime(input));
        } catch (IOException e) {
            FileTree.delete(folder);
            return new ItemOutcome(input, null, null, null, input + ": " + oneLine(e));
        }
        if (size == 0) {
            warnings.add("the file is empty");
        }
        String duplicateOf = sameBytesAs(sha256);
        if (duplicateOf != null) {
            warnings.add("same bytes as " + duplicateOf);
        }
        Artifact original = describe(copy, name, sha256, size, warnings);
        List<Artifact> artifacts = new ArrayList<>(List.of(original));
        artifacts.addAll(derive(copy, original, folder, input, warnings, derivations));
        ItemRecord record = new ItemRecord(ItemRecord.FORMAT, id, ws.id(), originalName, size, sha256.hex(),
                original.mediaType(), modified, Instant.now().truncatedTo(ChronoUnit.MILLIS), actor, blankToNull(source),
                artifacts, warnings, containedIn);
        Path recordFile = folder.resolve(ItemFolder.RECORD);
        Json.write(recordFile, record);

        ws.custody().append(actor, CustodyEvent.INGESTED, ws.subject(folder), EventDetails.of(new EventDetails.Ingested(
                originalName, ws.root().relativize(copy).toString().replace('\\', '/'), size, sha256.hex(),
                record.mediaType(), ItemFolder.RECORD, Sha256.of(recordFile).hex())));
        itemsByDigest.putIfAbsent(sha256.hex(), ws.subject(folder));
        StampOutcome stamp = stamper.stamp(recordFile);
        return new ItemOutcome(input, folder, record, stamp, null);
    }

    private static String unreadable(Path input) {
        if (!Files.exists(input)) {
            return input + ": no such file";
        }
        if (Files.isDirectory(input)) {
            return input + ": is a directory, expected a file";
        }
        if (!Files.isRegularFile(input)) {
            return input + ": not a regular file";
        }
        if (!Files.isReadable(input)) {
            return input + ": not readable (permission denied)";
        }
        return null;
    }

    /** Streams the copy, hashing what is read; then re-reads the copy and checks it hashes the same. */
    private static Sha256 copy(Path from, Path to) throws IOException {
        MessageDigest md = Sha256.newDigest();
        long read;
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), md);
             FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(ch);
            byte[] buf = new byte[1 << 20];
            read = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                read += n;
            }
            ch.force(true);
        }
        Sha256 whileCopying = Sha256.of(md.digest());
        Sha256 ofCopy = Sha256.of(to);
        if (!ofCopy.equals(whileCopying)) {
            throw new IOException("the copy differs from what was read (SHA-256 expected " + whileCopying
                    + ", got " + ofCopy + "): disk problem?");
        }
        long sourceSize = Files.size(from);
        if (sourceSize != read) {
            throw new IOException("the file changed while it was copied (" + read + " bytes read, now " + sourceSize
                    + "): copy it again when nothing writes to it");
        }
        return whileCopying;
    }

    private Artifact describe(Path copy, String name, Sha256 sha256, long size, List<String> warnings)
            throws IOException {
        try {
            Artifact a = describer.describe(copy, name, ItemFolder.ROLE_ORIGINAL, sha256);
            if (a.path().equals(name) && a.size() == size && sha256.hex().equals(a.sha256())) {
                return a;
            }
            warnings.add("metadata ignored: the describer answered for " + a.path() + " (" + a.size() + " bytes, "
                    + a.sha256() + ")");
        } catch (IOException | RuntimeException e) {
            warnings.add("metadata could not be read: " + oneLine(e));
        }
        return ArtifactDescriber.mediaTypeOnly().describe(copy, name, ItemFolder.ROLE_ORIGINAL, sha256);
    }

    /**
     * The derived files' artifacts, each checked against the file written; a describer failing is a warning. The
     * derivation is kept for its contained files only when the caller asked for them.
     */
    private List<Artifact> derive(Path copy, Artifact original, Path folder, Path input, List<String> warnings,
                                  List<Derivation> derivations) throws IOException {
        Derivation d;
        try {
            d = describer.derive(copy, original, folder, input);
        } catch (IOException | RuntimeException e) {
            warnings.add("nothing could be derived from the file: " + oneLine(e));
            return List.of();
        }
        warnings.addAll(d.warnings());
        List<Artifact> out = new ArrayList<>();
        for (Artifact a : d.derived()) {
            Path f = folder.resolve(a.path());
            if (Files.isRegularFile(f) && Files.size(f) == a.size() && Sha256.of(f).hex().equals(a.sha256())) {
                out.add(a);
            } else {
                warnings.add("derived file " + a.path() + " left out: it is not the file described");
            }
        }
        if (derivations != null) {
            derivations.add(d);
        } else if (d.scratch() != null) {
            FileTree.delete(d.scratch());
        }
        return out;
    }

    /**
     * The subject of an earlier item with these bytes, or null. The case's item records are read once, on the
     * first call, and each new item is added as it goes in: ingesting many files stays linear.
     */
    private String sameBytesAs(Sha256 sha256) throws IOException {
        if (itemsByDigest == null) {
            itemsByDigest = new java.util.HashMap<>();
            for (Path record : ws.records()) {
                if (record.getFileName().toString().equals(ItemFolder.RECORD)) {
                    itemsByDigest.putIfAbsent(Json.read(record, ItemRecord.class).sha256(), ws.subject(record));
                }
            }
        }
        return itemsByDigest.get(sha256.hex());
    }

    private static String oneLine(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
