package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Writes the hostile archives SafeZip must refuse, with Commons Compress and, where it refuses, by patching bytes. */
final class HostileZips {
    private HostileZips() {
    }

    /** A plain archive of text entries, in the order given. */
    static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Two entries, possibly with the same name (Commons Compress writes what it is given). */
    static Path twoEntries(Path file, String first, String second) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (String name : new String[] {first, second}) {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A symbolic link entry pointing at {@code target}. */
    static Path symlink(Path file, String name, String target) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry link = new ZipArchiveEntry(name);
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write(target.getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        return file;
    }

    /** One DEFLATED entry of {@code size} zero bytes: a ratio near 1000. Streams, never holds the content. */
    static Path bomb(Path file, String name, long size) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setLevel(9);
            out.putArchiveEntry(new ZipArchiveEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long done = 0; done < size; done += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, size - done));
            }
            out.closeArchiveEntry();
        }
        return file;
    }

    /**
     * A bomb whose headers lie: local and central headers declare 50 times the compressed size (a harmless
     * ratio) with that many zeros' CRC, while the data inflates to {@code size} bytes.
     */
    static Path lyingBomb(Path file, String name, long size) throws IOException {
        bomb(file, name, size);
        byte[] zip = Files.readAllBytes(file);
        long compressed = readInt(zip, 18);
        long declared = compressed * 50;
        CRC32 crc = new CRC32();
        crc.update(new byte[(int) declared]);
        writeInt(zip, 14, crc.getValue());
        writeInt(zip, 22, declared);
        int cd = indexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02});
        writeInt(zip, cd + 16, crc.getValue());
        writeInt(zip, cd + 24, declared);
        Files.write(file, zip);
        return file;
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length): names in local and central headers. */
    static Path patch(Path file, String from, String to) throws IOException {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("expected names of equal length");
        }
        byte[] zip = Files.readAllBytes(file);
        for (int i = indexOf(zip, a); i >= 0; i = indexOf(zip, a)) {
            System.arraycopy(b, 0, zip, i, b.length);
        }
        Files.write(file, zip);
        return file;
    }

    /** The first {@code keep} bytes of a file. */
    static Path truncate(Path file, Path to, long keep) throws IOException {
        try (var in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(to)) {
            out.write(in.readNBytes((int) keep));
        }
        return to;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static long readInt(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static void writeInt(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
