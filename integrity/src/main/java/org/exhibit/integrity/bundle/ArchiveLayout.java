package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * One reading of the archive, whichever way a reader takes it: from the front, local header after local header
 * (a streaming reader, {@code unzip} on a damaged file), or from the back, through the central directory
 * ({@code unzip}, Commons Compress). Every byte belongs to exactly one part, in this order and nothing else: the
 * entries' local headers and data (and data descriptors), back to back from offset 0, in the central directory's
 * order; then the central directory, holding exactly the entries its end record counts; then the ZIP64 end record
 * and locator when present; then the end record, whose comment ends the file. A planted entry between two
 * genuine ones, a gap, an entry count one too low or bytes appended after the end each fail, naming the place.
 */
final class ArchiveLayout {
    private static final int EOCD = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int LOCATOR_SIZE = 20;
    private static final int CENTRAL = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL = 0x04034b50;
    private static final int LOCAL_SIZE = 30;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long U16 = 0xFFFF;
    private static final long U32 = 0xFFFFFFFFL;

    private final String file;
    private final FileChannel ch;
    private final long size;

    private ArchiveLayout(String file, FileChannel ch) throws IOException {
        this.file = file;
        this.ch = ch;
        this.size = ch.size();
    }

    /** The central directory's place, as the end records give it. */
    private record Directory(long offset, long size, long entries) {
    }

    /**
     * @param entries the central directory's entries as Commons Compress read them, in directory order
     */
    static void check(String file, FileChannel ch, List<ZipArchiveEntry> entries) throws IOException {
        ArchiveLayout layout = new ArchiveLayout(file, ch);
        Directory dir = layout.end();
        if (dir.entries() != entries.size()) {
            throw new AmbiguousZipException(file + ": the end of central directory record counts " + dir.entries()
                    + " entries, the central directory holds " + entries.size() + "; readers disagree on the archive");
        }
        layout.directory(dir, entries);
        layout.entries(dir, entries);
    }

    /** Finds the end record, which must end the file, and the ZIP64 records before it when there are any. */
    private Directory end() throws IOException {
        int tailLength = (int) Math.min(size, EOCD_SIZE + U16);
        ByteBuffer tail = read(size - tailLength, tailLength);
        int at = -1;
        for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new UnsafeZipException(file + ": no end of central directory record; truncated or not a ZIP");
        }
        long eocd = size - tailLength + at;
        long end = eocd + EOCD_SIZE + (tail.getShort(at + 20) & U16);
        if (end != size) {
            throw new AmbiguousZipException(file + ": " + (size - end) + " bytes after the end of the archive (after its "
                    + "end of central directory record and comment); nothing may follow a bundle");
        }
        long disk = tail.getShort(at + 4) & U16;
        long cdDisk = tail.getShort(at + 6) & U16;
        long onDisk = tail.getShort(at + 8) & U16;
        long total = tail.getShort(at + 10) & U16;
        long cdSize = tail.getInt(at + 12) & U32;
        long cdOffset = tail.getInt(at + 16) & U32;
        boolean hasLocator = eocd >= LOCATOR_SIZE && read(eocd - LOCATOR_SIZE, 4).getInt(0) == ZIP64_LOCATOR;
        if (!hasLocator) {
            if ((disk | cdDisk) != 0 || onDisk != total) {
                throw new AmbiguousZipException(file + ": spans several disks (end record disk " + disk + ", "
                        + onDisk + " of " + total + " entries on it); expected a single-file archive");
            }
            if (cdOffset + cdSize != eocd) {
                throw new AmbiguousZipException(file + ": the central directory (offset " + cdOffset + ", " + cdSize
                        + " bytes) does not end where the end record begins (" + eocd + ")");
            }
            return new Directory(cdOffset, cdSize, total);
        }
        return zip64(eocd);
    }

    private Directory zip64(long eocd) throws IOException {
        ByteBuffer locator = read(eocd - LOCATOR_SIZE, LOCATOR_SIZE);
        long at = locator.getLong(8);
        if (locator.getInt(4) != 0 || locator.getInt(16) != 1 || at < 0 || at + 56 > eocd - LOCATOR_SIZE) {
            throw new AmbiguousZipException(file + ": ZIP64 end locator points outside the archive or at another disk");
        }
        ByteBuffer record = read(at, 56);
        long recordEnd = at + 12 + record.getLong(4);
        if (record.getInt(0) != ZIP64_EOCD || recordEnd != eocd - LOCATOR_SIZE) {
            throw new AmbiguousZipException(file + ": ZIP64 end record at offset " + at + " does not end where its "
                    + "locator begins; readers disagree on the archive");
        }
        long onDisk = record.getLong(24);
        long total = record.getLong(32);
        long cdSize = record.getLong(40);
        long cdOffset = record.getLong(48);
        if (record.getInt(16) != 0 || record.getInt(20) != 0 || onDisk != total) {
            throw new AmbiguousZipException(file + ": spans several disks; expected a single-file archive");
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize != at) {
            throw new AmbiguousZipException(file + ": the central directory (offset " + cdOffset + ", " + cdSize
                    + " bytes) does not end where the ZIP64 end record begins (" + at + ")");
        }
        return new Directory(cdOffset, cdSize, total);
    }

    /** The directory is exactly its headers, back to back, naming the entries Commons Compress read, in order. */
    private void directory(Directory dir, List<ZipArchiveEntry> entries) throws IOException {
        if (dir.size() > Integer.MAX_VALUE) {
            throw new AmbiguousZipException(file + ": central directory of " + dir.size() + " bytes; too large");
        }
        ByteBuffer cd = read(dir.offset(), (int) dir.size());
        int pos = 0;
        for (ZipArchiveEntry e : entries) {
            String name = EntryNames.quote(e.getName());
            if (pos + CENTRAL_SIZE > cd.limit() || cd.getInt(pos) != CENTRAL) {
                throw new AmbiguousZipException(name + ": not found at its place in the central directory (offset "
                        + (dir.offset() + pos) + "); readers disagree on the archive");
            }
            int n = cd.getShort(pos + 28) & 0xFFFF;
            int m = cd.getShort(pos + 30) & 0xFFFF;
            int k = cd.getShort(pos + 32) & 0xFFFF;
            long offset = cd.getInt(pos + 42) & U32;
            byte[] raw = new byte[n];
            if (pos + CENTRAL_SIZE + n > cd.limit()) {
                throw new AmbiguousZipException(name + ": central directory header runs past the directory's end");
            }
            cd.get(pos + CENTRAL_SIZE, raw);
            if (!Arrays.equals(raw, e.getRawName()) || (offset != U32 && offset != e.getLocalHeaderOffset())) {
                throw new AmbiguousZipException(name + ": the central directory header at offset " + (dir.offset() + pos)
                        + " names another entry or offset; readers disagree on the archive");
            }
            pos += CENTRAL_SIZE + n + m + k;
        }
        if (pos != cd.limit()) {
            throw new AmbiguousZipException(file + ": " + (cd.limit() - pos) + " bytes at the end of the central "
                    + "directory belong to no entry; readers disagree on the archive");
        }
    }

    /** From offset 0 to the central directory, entry after entry in directory order, no gap, nothing extra. */
    private void entries(Directory dir, List<ZipArchiveEntry> entries) throws IOException {
        List<ZipArchiveEntry> byOffset = entries.stream()
                .sorted(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset)).toList();
        if (!byOffset.equals(entries)) {
            throw new AmbiguousZipException(file + ": the central directory lists the entries in another order than "
                    + "they stand in the archive; readers disagree on the archive");
        }
        long expected = 0;
        String previous = null;
        for (ZipArchiveEntry e : entries) {
            String name = EntryNames.quote(e.getName());
            long at = e.getLocalHeaderOffset();
            if (at != expected) {
                throw new AmbiguousZipException(name + ": " + (at - expected) + " bytes "
                        + (previous == null ? "before it, at the start of the archive," : "between it and " + previous)
                        + " belong to no entry of the central directory" + planted(expected, at)
                        + " (a second reading of the archive)");
            }
            expected = end(e, name, at);
            previous = name;
        }
        if (expected != dir.offset()) {
            throw new AmbiguousZipException((previous == null ? file : previous) + ": " + (dir.offset() - expected)
                    + " bytes between the last entry and the central directory belong to no entry of it"
                    + planted(expected, dir.offset()) + " (a second reading of the archive)");
        }
    }

    /** What a gap holds when it starts with a local header: the entry a streaming reader would see there. */
    private String planted(long from, long to) throws IOException {
        if (to < 0 || from < 0 || to - from < LOCAL_SIZE || read(from, 4).getInt(0) != LOCAL) {
            return "";
        }
        int nameLength = read(from, LOCAL_SIZE).getShort(26) & 0xFFFF;
        byte[] raw = new byte[(int) Math.min(nameLength, to - from - LOCAL_SIZE)];
        read(from + LOCAL_SIZE, raw.length).get(raw);
        return ": a local header for " + EntryNames.quote(new String(raw, java.nio.charset.StandardCharsets.UTF_8))
                + " that the central directory does not list";
    }

    /** Where an entry's local header, data and data descriptor end. */
    private long end(ZipArchiveEntry e, String name, long at) throws IOException {
        ByteBuffer local = read(at, LOCAL_SIZE);
        int flags = local.getShort(6) & 0xFFFF;
        int nameLength = local.getShort(26) & 0xFFFF;
        int extraLength = local.getShort(28) & 0xFFFF;
        long end = at + LOCAL_SIZE + nameLength + extraLength + e.getCompressedSize();
        if ((flags & 8) == 0) {
            return end;
        }
        boolean zip64 = hasZip64Extra(read(at + LOCAL_SIZE + nameLength, extraLength));
        int fields = zip64 ? 20 : 12;
        ByteBuffer d = read(end, Math.min(4 + fields, (int) Math.max(0, size - end)));
        int skip = d.limit() >= 4 && d.getInt(0) == DESCRIPTOR ? 4 : 0;
        if (d.limit() < skip + fields) {
            throw new AmbiguousZipException(name + ": data descriptor runs past the end of the file");
        }
        long crc = d.getInt(skip) & U32;
        long compressed = zip64 ? d.getLong(skip + 4) : d.getInt(skip + 4) & U32;
        long uncompressed = zip64 ? d.getLong(skip + 12) : d.getInt(skip + 8) & U32;
        if (crc != e.getCrc() || compressed != e.getCompressedSize() || uncompressed != e.getSize()) {
            throw new AmbiguousZipException(name + ": data descriptor differs from the central directory (CRC, sizes); "
                    + "corrupt archive");
        }
        return end + skip + fields;
    }

    private static boolean hasZip64Extra(ByteBuffer extra) {
        for (int i = 0; i + 4 <= extra.limit(); i += 4 + (extra.getShort(i + 2) & 0xFFFF)) {
            if ((extra.getShort(i) & 0xFFFF) == ZIP64_EXTRA) {
                return true;
            }
        }
        return false;
    }

    private ByteBuffer read(long at, int length) throws IOException {
        if (at < 0 || at + length > size) {
            throw new UnsafeZipException(file + ": a structure at offset " + at + " runs past the end of the file ("
                    + size + " bytes); truncated or corrupt archive");
        }
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        LocalHeaders.readFully(ch, buf, at);
        return buf.flip();
    }
}
