package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipException;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.TimestampCheck;

/**
 * A bundle being verified: its checked ZIP and the digest of every entry, computed once, in parallel. The
 * checks read what they need from here; one that asks for a digest still being taken waits for it, so that checks
 * of the records and tokens can run while the large files are hashed ({@link #start}).
 */
final class OpenBundle {
    /**
     * The largest file read whole: records, bag-info, manifest.json, certificates, tokens (manifests and the custody
     * log are streamed). A capture.json listing ten thousand resources is a few MB.
     */
    static final int MAX_READ = 16 << 20;

    final String name;
    final SafeZip zip;
    /** Small entries (tag files, records, tokens) are hashed before the others, smallest first. */
    static final long SMALL = 64 << 10;

    private final SortedSet<String> names;
    private final ParallelHashing.Running<SafeZip.Entry> digests;
    private CustodyManifest custodyManifest;
    private String manifestProblem;
    private Signer signer;
    private List<RecordRef> records;
    private final Map<String, Object> parsed = new TreeMap<>();
    private final Map<String, TimestampCheck> validTokens = new TreeMap<>();

    private OpenBundle(String name, SafeZip zip, ParallelHashing.Running<SafeZip.Entry> digests) {
        this.name = name;
        this.zip = zip;
        this.digests = digests;
        SortedSet<String> all = new TreeSet<>();
        zip.entries().forEach(e -> all.add(e.name()));
        this.names = Collections.unmodifiableSortedSet(all);
    }

    /**
     * Hashes every entry.
     *
     * @throws UnsafeZipException an entry broke a limit while inflating (a zip bomb): verification cannot go on
     */
    static OpenBundle hash(String name, SafeZip zip) throws UnsafeZipException, InterruptedException {
        OpenBundle b = start(name, zip);
        try {
            b.awaitAll();
        } catch (UnsafeZipException | InterruptedException | RuntimeException e) {
            b.stop();
            throw e;
        }
        return b;
    }

    /** Starts hashing every entry and returns at once; {@link #awaitAll} says whether every entry could be read. */
    static OpenBundle start(String name, SafeZip zip) {
        return new OpenBundle(name, zip, ParallelHashing.start(zip.entries(), SafeZip.Entry::size, zip::open, false,
                SMALL));
    }

    /**
     * Waits until every entry is hashed.
     *
     * @throws UnsafeZipException an entry broke a limit while inflating (a zip bomb): verification cannot go on
     */
    void awaitAll() throws UnsafeZipException, InterruptedException {
        for (SafeZip.Entry e : zip.entries()) {
            if (digests.get(e).error() instanceof UnsafeZipException unsafe) {
                throw unsafe;
            }
        }
    }

    /** Stops hashing what is not hashed yet (after a failure). */
    void stop() {
        digests.close();
    }

    /** Every entry name, sorted. */
    Iterable<String> names() {
        return names;
    }

    boolean has(String path) {
        return names.contains(path);
    }

    private ParallelHashing.Digest digest(String path) {
        SafeZip.Entry entry = zip.entry(path);
        if (entry == null) {
            return null;
        }
        try {
            return digests.get(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing " + path, e);
        }
    }

    /** The entry's SHA-256, or null when it is missing or damaged ({@link #damage} says why). */
    Sha256 sha256(String path) {
        ParallelHashing.Digest d = digest(path);
        return d == null ? null : d.sha256();
    }

    /** Why an entry could not be read ("ZIP entry damaged: CRC-32 expected …"), or null. */
    String damage(String path) {
        ParallelHashing.Digest d = digest(path);
        if (d == null || d.error() == null) {
            return null;
        }
        IOException e = d.error();
        String message = String.valueOf(e.getMessage());
        if (e instanceof ZipException && message.startsWith(EntryNames.quote(path) + ":")) {
            return message;
        }
        // an inflater's own words ("invalid distance too far back") name no file: say which
        return EntryNames.quote(path) + ": ZIP entry damaged: " + message;
    }

    /** Every capture and item record with its tokens, as {@link Records} lists them. */
    List<RecordRef> records() {
        if (records == null) {
            records = Records.among(names);
        }
        return records;
    }

    /**
     * A record read and parsed once for every check that needs it.
     *
     * @throws IOException unreadable or not a record of its kind; the message is one line without the path
     */
    EvidenceRecord record(RecordRef ref) throws IOException {
        Object r = parsed.get(ref.path());
        if (r == null) {
            try {
                r = EvidenceRecord.read(ref.kind(), read(ref.path()));
            } catch (IOException e) {
                r = new IOException(RecordCheck.firstLine(e.getMessage()), e);
            }
            parsed.put(ref.path(), r);
        }
        if (r instanceof IOException e) {
            throw e;
        }
        return (EvidenceRecord) r;
    }

    /** Who signed, once {@link SignatureCheck} found the signature valid; null before or otherwise. */
    Signer signer() {
        return signer;
    }

    void signer(Signer s) {
        signer = s;
    }

    /** Every valid token by its path, with its genTime and TSA; filled by {@link TimestampChecks}. */
    Map<String, TimestampCheck> validTokens() {
        return validTokens;
    }

    /** custody/manifest.json parsed once; null (with a failed check added) when missing or unreadable. */
    CustodyManifest custodyManifest(String checkName, List<Check> out) {
        if (custodyManifest == null && manifestProblem == null) {
            try {
                custodyManifest = Json.MAPPER.readValue(read(BundleLayout.CUSTODY_MANIFEST), CustodyManifest.class);
            } catch (IOException | RuntimeException e) {
                manifestProblem = has(BundleLayout.CUSTODY_MANIFEST)
                        ? BundleLayout.CUSTODY_MANIFEST + ": unreadable: " + RecordCheck.firstLine(e.getMessage())
                        : BundleLayout.CUSTODY_MANIFEST + ": missing from the bundle";
            }
        }
        if (custodyManifest == null) {
            out.add(Check.fail(checkName, has(BundleLayout.CUSTODY_MANIFEST) ? Reason.MALFORMED : Reason.MISSING,
                    BundleLayout.CUSTODY_MANIFEST, manifestProblem));
        }
        return custodyManifest;
    }

    /** A bag-info.txt value, or null. */
    String bagInfo(String label) {
        try {
            return TagFile.parse(BundleLayout.BAG_INFO, read(BundleLayout.BAG_INFO)).value(label);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    long size(String path) {
        return zip.entry(path).size();
    }

    /** An entry read whole (only tag files and records, bounded by {@link #MAX_READ}). */
    byte[] read(String path) throws IOException {
        SafeZip.Entry entry = zip.entry(path);
        if (entry == null) {
            throw new IOException(path + ": missing from the bundle");
        }
        return zip.readAll(entry, MAX_READ);
    }
}
