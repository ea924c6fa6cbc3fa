package org.exhibit.integrity.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Byte-level changes to a ZIP that no archiver makes, as a hex editor would: a planted local entry that the central
 * directory does not list, an end record that miscounts, a damaged deflate stream. Plain ZIPs only (no ZIP64).
 */
final class ZipSurgery {
    private static final int LOCAL = 0x04034b50;
    private static final int EOCD = 0x06054b50;

    private ZipSurgery() {
    }

    /**
     * Inserts, right before the entry {@code name}, a second STORED local entry of the same name holding {@code
     * content}, and moves every later offset of the central directory so that it still points at the genuine one.
     */
    static byte[] plantBefore(byte[] zip, String name, byte[] content) {
        ByteBuffer z = le(zip);
        int eocd = eocd(zip);
        int cdOffset = z.getInt(eocd + 16);
        int cdEntries = z.getShort(eocd + 10) & 0xFFFF;
        int genuine = -1;
        int pos = cdOffset;
        for (int i = 0; i < cdEntries; i++) {
            int n = z.getShort(pos + 28) & 0xFFFF;
            String entry = new String(zip, pos + 46, n, StandardCharsets.UTF_8);
            if (entry.equals(name)) {
                genuine = z.getInt(pos + 42);
            }
            pos += 46 + n + (z.getShort(pos + 30) & 0xFFFF) + (z.getShort(pos + 32) & 0xFFFF);
        }
        if (genuine < 0) {
            throw new IllegalArgumentException("no entry " + name);
        }
        byte[] planted = local(name, content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(zip, 0, genuine);
        out.writeBytes(planted);
        out.write(zip, genuine, zip.length - genuine);
        byte[] result = out.toByteArray();
        ByteBuffer r = le(result);
        int delta = planted.length;
        int newCd = cdOffset + delta;
        pos = newCd;
        for (int i = 0; i < cdEntries; i++) {
            int offset = r.getInt(pos + 42);
            if (offset >= genuine) {
                r.putInt(pos + 42, offset + delta);
            }
            pos += 46 + (r.getShort(pos + 28) & 0xFFFF) + (r.getShort(pos + 30) & 0xFFFF) + (r.getShort(pos + 32) & 0xFFFF);
        }
        r.putInt(eocd + delta + 16, newCd);
        return result;
    }

    /** The end record counts one entry fewer than the central directory holds. */
    static byte[] countOneTooFew(byte[] zip) {
        byte[] copy = zip.clone();
        ByteBuffer z = le(copy);
        int eocd = eocd(copy);
        z.putShort(eocd + 8, (short) ((z.getShort(eocd + 8) & 0xFFFF) - 1));
        z.putShort(eocd + 10, (short) ((z.getShort(eocd + 10) & 0xFFFF) - 1));
        return copy;
    }

    /** Flips one bit in the middle of an entry's compressed data. */
    static byte[] flipInData(byte[] zip, String name) {
        byte[] copy = zip.clone();
        ByteBuffer z = le(copy);
        int eocd = eocd(copy);
        int pos = z.getInt(eocd + 16);
        for (int i = 0; i < (z.getShort(eocd + 10) & 0xFFFF); i++) {
            int n = z.getShort(pos + 28) & 0xFFFF;
            if (new String(copy, pos + 46, n, StandardCharsets.UTF_8).equals(name)) {
                int local = z.getInt(pos + 42);
                int data = local + 30 + (z.getShort(local + 26) & 0xFFFF) + (z.getShort(local + 28) & 0xFFFF);
                copy[data + z.getInt(pos + 20) / 2] ^= 0x10;
                return copy;
            }
            pos += 46 + n + (z.getShort(pos + 30) & 0xFFFF) + (z.getShort(pos + 32) & 0xFFFF);
        }
        throw new IllegalArgumentException("no entry " + name);
    }

    /** What a streaming reader (java.util.zip.ZipInputStream) reads first under that name. */
    static byte[] streamed(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException("a streaming reader finds no " + name);
    }

    private static byte[] local(String name, byte[] content) {
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteBuffer b = le(new byte[30 + raw.length + content.length]);
        b.putInt(0, LOCAL).putShort(4, (short) 20).putShort(6, (short) 0x0800).putShort(8, (short) 0)
                .putInt(14, (int) crc.getValue()).putInt(18, content.length).putInt(22, content.length)
                .putShort(26, (short) raw.length).putShort(28, (short) 0);
        b.put(30, raw).put(30 + raw.length, content);
        return b.array();
    }

    private static int eocd(byte[] zip) {
        ByteBuffer z = le(zip);
        for (int i = zip.length - 22; i >= 0; i--) {
            if (z.getInt(i) == EOCD) {
                return i;
            }
        }
        throw new IllegalArgumentException("no end of central directory record");
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

}
