package org.exhibit.integrity.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Cross-checks the central directory against the local file headers: each entry's local header must exist,
 * name the same entry with the same method (and sizes, unless a data descriptor follows), and no two entries'
 * data may overlap (the trick of the "better zip bomb"), nor run past the end of the file.
 */
final class LocalHeaders {
    private static final int SIGNATURE = 0x04034b50;
    private static final int FIXED = 30;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;

    private LocalHeaders() {
    }

    static void check(FileChannel ch, List<ZipArchiveEntry> entries) throws IOException {
        long size = ch.size();
        ByteBuffer fixed = ByteBuffer.allocate(FIXED).order(ByteOrder.LITTLE_ENDIAN);
        for (ZipArchiveEntry e : entries) {
            String name = EntryNames.quote(e.getName());
            long at = e.getLocalHeaderOffset();
            if (at < 0 || at + FIXED > size) {
                throw new UnsafeZipException(name + ": local header offset " + at + " lies outside the file ("
                        + size + " bytes); truncated or corrupt archive");
            }
            fixed.clear();
            readFully(ch, fixed, at);
            if (fixed.getInt(0) != SIGNATURE) {
                throw new UnsafeZipException(name + ": no local file header at offset " + at
                        + " (central directory and entries disagree); corrupt archive");
            }
            int flags = fixed.getShort(6) & 0xFFFF;
            int method = fixed.getShort(8) & 0xFFFF;
            int nameLength = fixed.getShort(26) & 0xFFFF;
            int extraLength = fixed.getShort(28) & 0xFFFF;
            if (method != e.getMethod()) {
                throw new AmbiguousZipException(name + ": local header says method " + method + ", central directory "
                        + e.getMethod() + "; corrupt archive");
            }
            ByteBuffer localName = ByteBuffer.allocate(nameLength);
            readFully(ch, localName, at + FIXED);
            if (!Arrays.equals(localName.array(), e.getRawName())) {
                throw new AmbiguousZipException(name + ": local header names a different entry; corrupt archive");
            }
            if ((flags & 8) == 0) {
                checkSize(name, "CRC-32", fixed.getInt(14) & ZIP64_MARK, e.getCrc(), false);
                checkSize(name, "compressed size", fixed.getInt(18) & ZIP64_MARK, e.getCompressedSize(), true);
                checkSize(name, "size", fixed.getInt(22) & ZIP64_MARK, e.getSize(), true);
            }
            long dataStart = at + FIXED + nameLength + extraLength;
            if (dataStart + e.getCompressedSize() > size) {
                throw new UnsafeZipException(name + ": data runs past the end of the file; truncated archive");
            }
        }
        checkNoOverlap(entries);
    }

    private static void checkNoOverlap(List<ZipArchiveEntry> entries) throws UnsafeZipException {
        List<ZipArchiveEntry> byOffset = entries.stream()
                .sorted(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset)).toList();
        for (int i = 1; i < byOffset.size(); i++) {
            ZipArchiveEntry before = byOffset.get(i - 1);
            ZipArchiveEntry e = byOffset.get(i);
            long end = before.getDataOffset() + before.getCompressedSize();
            if (e.getLocalHeaderOffset() < end) {
                throw new AmbiguousZipException(EntryNames.quote(e.getName()) + ": overlaps the data of "
                        + EntryNames.quote(before.getName()) + " (overlapping entries, a zip-bomb trick)");
            }
        }
    }

    private static void checkSize(String name, String what, long local, long central, boolean zip64Allowed)
            throws UnsafeZipException {
        if (local != central && !(zip64Allowed && local == ZIP64_MARK)) {
            throw new AmbiguousZipException(name + ": local header " + what + " " + local + " differs from central "
                    + "directory " + central + "; corrupt archive");
        }
    }

    /** Fills {@code buf} from {@code at}; the end of the file before it is full is an error. */
    static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new EOFException("unexpected end of file at offset " + pos);
            }
            pos += n;
        }
    }
}
