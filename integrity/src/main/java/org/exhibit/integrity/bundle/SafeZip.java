package org.exhibit.integrity.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A ZIP read in place, without extracting it, after checking that it is safe to read: every name relative
 * and normalised, no links, no duplicates, no encryption, only STORED or DEFLATED data, sizes and ratios within
 * {@link ZipLimits}, and a central directory that agrees with the local headers byte for byte: one reading of the
 * archive ({@link ArchiveLayout}). Entry streams enforce the
 * limits again while inflating. Safe for concurrent {@link #open} calls.
 *
 * <pre>{@code
 * try (SafeZip zip = SafeZip.open(Path.of("2026-017-20261124T101500Z.zip"), ZipLimits.DEFAULT)) {
 *     for (SafeZip.Entry e : zip.entries()) {
 *         try (InputStream in = zip.open(e)) { ... }
 *     }
 * }
 * }</pre>
 */
public final class SafeZip implements Closeable {
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    private final FileChannel channel;
    private final ZipFile zip;
    private final ZipLimits limits;
    private final Map<String, Entry> entries;
    private final AtomicLong inflated = new AtomicLong();

    /**
     * One file in the archive.
     *
     * @param name           its path inside the archive, '/'-separated
     * @param size           uncompressed size as declared in the central directory
     * @param compressedSize stored size
     * @param stored         true for STORED, false for DEFLATED
     * @param crc            CRC-32 of the uncompressed bytes
     * @param time           the entry's modification time, epoch milliseconds
     */
    public record Entry(String name, long size, long compressedSize, boolean stored, long crc, long time) {
        String quoted() {
            return EntryNames.quote(name);
        }
    }

    private SafeZip(FileChannel channel, ZipFile zip, ZipLimits limits, Map<String, Entry> entries) {
        this.channel = channel;
        this.zip = zip;
        this.limits = limits;
        this.entries = entries;
    }

    /**
     * Opens and checks a ZIP.
     *
     * @throws UnsafeZipException    the archive is hostile, truncated or corrupt (message names the entry)
     * @throws NoSuchFileException   the file does not exist
     * @throws IOException           the file cannot be read
     */
    public static SafeZip open(Path file, ZipLimits limits) throws IOException {
        return open(file, limits, null);
    }

    /**
     * {@link #open(Path, ZipLimits)}, handing the archive to {@code early} before its cross-checks, as
     * {@link #open(String, FileChannel, ZipLimits, Consumer)} does.
     */
    static SafeZip open(Path file, ZipLimits limits, Consumer<SafeZip> early) throws IOException {
        return open(String.valueOf(file.getFileName()), FileChannel.open(file, StandardOpenOption.READ), limits, early);
    }

    /**
     * Opens and checks a ZIP read through a channel that is not a plain file, such as a decrypted bundle's
     * ({@code org.exhibit.integrity.crypt.DecryptedBundle}); the channel is closed with the archive, or at once
     * when it is refused.
     *
     * @param name how messages name the archive
     * @throws UnsafeZipException the archive is hostile, truncated or corrupt (message names the entry)
     */
    public static SafeZip open(String name, FileChannel channel, ZipLimits limits) throws IOException {
        return open(name, channel, limits, null);
    }

    /**
     * Like {@link #open(String, FileChannel, ZipLimits)}, but hands the archive to {@code early} as soon as each
     * entry has passed its own checks (name, type, method, sizes and ratio within the limits), before the central
     * directory is cross-checked against the local headers and the layout ({@link LocalHeaders},
     * {@link ArchiveLayout}): a verifier starts hashing meanwhile. Its streams enforce the limits as always; when a
     * cross-check then fails, this throws as {@code open} does, the archive is closed, and whatever {@code early}
     * started must be discarded.
     */
    static SafeZip open(String name, FileChannel channel, ZipLimits limits, Consumer<SafeZip> early)
            throws IOException {
        ZipFile zip = null;
        try {
            try {
                zip = ZipFile.builder().setSeekableByteChannel(channel).setCharset("UTF-8")
                        .setUseUnicodeExtraFields(false).get();
            } catch (IOException | RuntimeException e) {
                throw new UnsafeZipException(name + ": not a readable ZIP archive (truncated or "
                        + "corrupt): " + e.getMessage(), e);
            }
            List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
            SafeZip safe = new SafeZip(channel, zip, limits, admit(name, zip, all, limits));
            if (early != null) {
                early.accept(safe);
            }
            LocalHeaders.check(channel, all);
            ArchiveLayout.check(name, channel, all);
            return safe;
        } catch (IOException | RuntimeException e) {
            ZipFile.closeQuietly(zip);
            channel.close();
            throw e;
        }
    }

    /** Each entry's own checks; the entries by name. */
    private static Map<String, Entry> admit(String file, ZipFile zip, List<ZipArchiveEntry> all, ZipLimits limits)
            throws IOException {
        if (zip.getFirstLocalFileHeaderOffset() != 0) {
            throw new UnsafeZipException(file + ": " + zip.getFirstLocalFileHeaderOffset()
                    + " bytes before the first entry (not a plain ZIP)");
        }
        if (all.size() > limits.maxEntries()) {
            throw new UnsafeZipException(file + ": " + all.size() + " entries, over the limit of "
                    + limits.maxEntries());
        }
        EntryNames names = new EntryNames();
        Map<String, Entry> entries = new LinkedHashMap<>();
        long total = 0;
        for (ZipArchiveEntry e : all) {
            names.admit(e.getRawName(), e.getName());
            Entry entry = describe(e, limits);
            total += entry.size();
            if (total > limits.maxTotalSize()) {
                throw new UnsafeZipException(entry.quoted() + ": archive declares more than the limit of "
                        + limits.maxTotalSize() + " bytes in all");
            }
            if (!e.isDirectory()) {
                entries.put(e.getName(), entry);
            }
        }
        names.checkNoFileIsAFolder();
        return Collections.unmodifiableMap(entries);
    }

    private static Entry describe(ZipArchiveEntry e, ZipLimits limits) throws UnsafeZipException {
        String name = EntryNames.quote(e.getName());
        int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() & S_IFMT : 0;
        if (e.isUnixSymlink()) {
            throw new UnsafeZipException(name + ": symbolic link entry (links are refused)");
        }
        if (type != 0 && type != S_IFREG && type != S_IFDIR) {
            throw new UnsafeZipException(name + ": not a regular file (unix mode " + Integer.toOctalString(
                    e.getUnixMode()) + ")");
        }
        if (e.getGeneralPurposeBit().usesEncryption()) {
            throw new UnsafeZipException(name + ": encrypted entry");
        }
        if (e.getMethod() != ZipArchiveEntry.STORED && e.getMethod() != ZipArchiveEntry.DEFLATED) {
            throw new UnsafeZipException(name + ": compression method " + e.getMethod()
                    + " (expected STORED or DEFLATED)");
        }
        if (e.getSize() < 0 || e.getCompressedSize() < 0 || e.getCrc() < 0) {
            throw new UnsafeZipException(name + ": size or CRC missing from the central directory");
        }
        if (e.getSize() > limits.maxEntrySize()) {
            throw new UnsafeZipException(name + ": declares " + e.getSize() + " bytes, over the limit of "
                    + limits.maxEntrySize());
        }
        if (e.getMethod() == ZipArchiveEntry.STORED && e.getSize() != e.getCompressedSize()) {
            throw new UnsafeZipException(name + ": stored entry with size " + e.getSize() + " but "
                    + e.getCompressedSize() + " bytes of data; corrupt archive");
        }
        if (limits.overRatio(e.getSize(), e.getCompressedSize())) {
            throw new UnsafeZipException(name + ": declares a compression ratio over " + limits.maxRatio() + " ("
                    + e.getSize() + " bytes from " + e.getCompressedSize() + "); refusing a zip bomb");
        }
        if (e.isDirectory() && e.getSize() != 0) {
            throw new UnsafeZipException(name + ": directory entry with content");
        }
        return new Entry(e.getName(), e.getSize(), e.getCompressedSize(),
                e.getMethod() == ZipArchiveEntry.STORED, e.getCrc(), e.getTime());
    }

    /** Every file entry (directories left out), in central-directory order. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The entry with this exact name, or null. */
    public Entry entry(String name) {
        return entries.get(name);
    }

    /** The limits this archive is held to. */
    public ZipLimits limits() {
        return limits;
    }

    /** Streams an entry's bytes, enforcing the limits and checking size and CRC-32 at the end. */
    public InputStream open(Entry entry) throws IOException {
        ZipArchiveEntry e = zip.getEntry(entry.name());
        if (e == null || entries.get(entry.name()) != entry) {
            throw new IllegalArgumentException("expected an entry of this archive, got " + entry.quoted());
        }
        return new GuardedEntryStream(zip.getInputStream(e), entry, limits, inflated);
    }

    /**
     * Where a STORED entry's bytes (the file's bytes unchanged) begin in the archive file, for a reader that must
     * seek in them, such as ffmpeg reading a video in place; -1 for a DEFLATED entry. The offset is the one the
     * local header gives, which {@link #open} checked against the central directory.
     */
    public long storedOffset(Entry entry) {
        ZipArchiveEntry e = zip.getEntry(entry.name());
        if (e == null || entries.get(entry.name()) != entry) {
            throw new IllegalArgumentException("expected an entry of this archive, got " + entry.quoted());
        }
        return entry.stored() ? e.getDataOffset() : -1;
    }

    /** Reads a small entry whole; refuses one larger than {@code maxBytes}. */
    public byte[] readAll(Entry entry, int maxBytes) throws IOException {
        if (entry.size() > maxBytes) {
            throw new UnsafeZipException(entry.quoted() + ": " + entry.size() + " bytes, expected at most "
                    + maxBytes + " for this file");
        }
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        }
    }

    /**
     * Writes every entry under {@code dir}, which must be an existing, empty directory; nothing is written
     * outside it, existing files are never replaced and links are never followed.
     */
    public void extractTo(Path dir) throws IOException {
        Extraction.into(this, dir);
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            channel.close();
        }
    }
}
