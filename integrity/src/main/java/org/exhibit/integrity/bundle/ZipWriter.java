package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.exhibit.integrity.digest.Sha256;

/**
 * Writes bundle entries with Commons Compress, deterministically: the caller adds them in sorted order, every
 * entry has the seal time (DOS time fields in UTC, so the archive is the same whatever the local time zone),
 * mode 0644, STORED with size and CRC set up front, or DEFLATED at the default level. Every entry's SHA-256 is
 * computed from the bytes as they are written.
 */
final class ZipWriter implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;

    private final FileChannel channel;
    private final ZipArchiveOutputStream out;
    private final long dosTime;
    private final byte[] buffer = new byte[BUFFER];
    private String last = "";
    private boolean entryOpen;

    ZipWriter(Path file, Instant time) throws IOException {
        this(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ), time);
    }

    /** Into an empty channel (an encrypted scratch file), closed with this writer. */
    ZipWriter(FileChannel channel, Instant time) throws IOException {
        this.channel = channel;
        this.out = new ZipArchiveOutputStream(channel);
        out.setEncoding("UTF-8");
        out.setUseLanguageEncodingFlag(true);
        out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
        out.setUseZip64(Zip64Mode.AsNeeded);
        out.setLevel(Deflater.DEFAULT_COMPRESSION);
        // DOS time has no zone: write the UTC wall-clock fields, whatever this machine's zone is
        this.dosTime = time.atOffset(ZoneOffset.UTC).toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant()
                .toEpochMilli();
    }

    /** Writes a small entry from memory; returns its SHA-256. */
    Sha256 add(String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        begin(name, content.length, crc.getValue(), EntryMethod.deflated(name));
        out.write(content);
        end();
        return Sha256.ofBytes(content);
    }

    /**
     * Streams {@code size} bytes of {@code in} into an entry, DEFLATED or STORED (then {@code crc} must be the
     * CRC-32 of those bytes); returns the SHA-256 of what was written.
     */
    Sha256 add(String name, InputStream in, long size, long crc, boolean deflate) throws IOException {
        begin(name, size, crc, deflate);
        MessageDigest md = Sha256.newDigest();
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(name + ": expected " + size + " bytes, got " + (size - left)
                        + " (the file shrank while sealing)");
            }
            md.update(buffer, 0, n);
            out.write(buffer, 0, n);
            left -= n;
        }
        end();
        return Sha256.of(md.digest());
    }

    private void begin(String name, long size, long crc, boolean deflate) throws IOException {
        if (name.compareTo(last) <= 0) {
            throw new IllegalStateException("expected entries in sorted order, got " + name + " after " + last);
        }
        last = name;
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(0100644);
        e.setTime(dosTime);
        e.setSize(size);
        if (!deflate) {
            e.setMethod(ZipArchiveEntry.STORED);
            e.setCompressedSize(size);
            e.setCrc(crc);
        } else {
            e.setMethod(ZipArchiveEntry.DEFLATED);
        }
        out.putArchiveEntry(e);
        entryOpen = true;
    }

    private void end() throws IOException {
        out.closeArchiveEntry();
        entryOpen = false;
    }

    /** Finishes the archive and forces it to disk. */
    void finish() throws IOException {
        out.finish();
        channel.force(true);
    }

    /** Closes the file; after a failed entry the archive is left unfinished (the caller deletes it). */
    @Override
    public void close() throws IOException {
        try {
            if (!entryOpen) {
                out.close();
            }
        } finally {
            channel.close();
        }
    }
}
