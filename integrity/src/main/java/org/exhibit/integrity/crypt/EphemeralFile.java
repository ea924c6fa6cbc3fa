package org.exhibit.integrity.crypt;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A scratch file whose bytes lie on disk only encrypted, under an AES-256 key made for it that never leaves this
 * object's memory: when the process ends, what is left on disk (nothing, normally: the file is unlinked as soon as
 * it is open) cannot be read by anyone. Random reads and writes through {@link #channel()}, as a ZIP reader and
 * writer need. Each 64 KiB segment is sealed on its own with AES-GCM, a fresh random nonce each time it is written,
 * its index and length as associated data: a segment changed, moved or cut on disk fails to read. At most
 * {@value #CACHED} segments are held in memory.
 *
 * <pre>{@code
 * try (EphemeralFile tmp = EphemeralFile.create(dir)) {
 *     try (OutputStream out = tmp.output()) { ... }
 *     try (SafeZip zip = SafeZip.open("B.zip", tmp.channel(), ZipLimits.DEFAULT)) { ... }
 * }
 * }</pre>
 */
public final class EphemeralFile implements Closeable {
    static final int SEGMENT = 64 * 1024;
    private static final int NONCE = 12;
    private static final int TAG = 16;
    private static final int RECORD = NONCE + 4 + SEGMENT + TAG;
    private static final int CACHED = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileChannel raw;
    private final SecretKey key;
    private final BitSet onDisk = new BitSet();
    private final Map<Long, Segment> cache = new LinkedHashMap<>(CACHED, 0.75f, true);
    private long size;

    private static final class Segment {
        final byte[] data = new byte[SEGMENT];
        int length;
        boolean dirty;
    }

    private EphemeralFile(FileChannel raw, SecretKey key) {
        this.raw = raw;
        this.key = key;
    }

    /** A new, empty scratch file in {@code dir} (owner-only, unlinked at once where the system allows). */
    public static EphemeralFile create(Path dir) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(dir, ".exhibit-", ".enc",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            file = Files.createTempFile(dir, ".exhibit-", ".enc");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a system that cannot unlink an open file: DELETE_ON_CLOSE removes it at close
        }
        try {
            KeyGenerator kg = KeyGenerator.getInstance("AES");
            kg.init(256, RANDOM);
            return new EphemeralFile(ch, kg.generateKey());
        } catch (GeneralSecurityException e) {
            ch.close();
            throw new IOException("cannot make a key for a scratch file: " + e.getMessage(), e);
        }
    }

    /** The plaintext length. */
    public synchronized long size() {
        return size;
    }

    /** A new channel over the plaintext, at position 0; closing it leaves the file open. */
    public FileChannel channel() {
        return new EphemeralChannel(this);
    }

    /** Writes from the start (replacing nothing: for a new file). */
    public OutputStream output() {
        return Channels.newOutputStream(channel());
    }

    /** Reads from the start. */
    public InputStream input() {
        return Channels.newInputStream(channel());
    }

    synchronized int read(ByteBuffer dst, long position) throws IOException {
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (dst.hasRemaining() && position < size) {
            long index = position / SEGMENT;
            int off = (int) (position % SEGMENT);
            Segment s = load(index);
            int n = (int) Math.min(Math.min(dst.remaining(), SEGMENT - off), size - position);
            dst.put(s.data, off, n);
            position += n;
            total += n;
        }
        return total;
    }

    synchronized int write(ByteBuffer src, long position) throws IOException {
        int total = 0;
        while (src.hasRemaining()) {
            long index = position / SEGMENT;
            int off = (int) (position % SEGMENT);
            Segment s = load(index);
            int n = Math.min(src.remaining(), SEGMENT - off);
            src.get(s.data, off, n);
            s.length = Math.max(s.length, off + n);
            s.dirty = true;
            position += n;
            total += n;
            size = Math.max(size, position);
        }
        return total;
    }

    synchronized void truncate(long newSize) throws IOException {
        if (newSize >= size) {
            return;
        }
        long index = newSize / SEGMENT;
        int off = (int) (newSize % SEGMENT);
        Segment s = load(index);
        java.util.Arrays.fill(s.data, off, SEGMENT, (byte) 0);
        s.length = Math.min(s.length, off);
        s.dirty = true;
        cache.keySet().removeIf(i -> i > index);
        onDisk.clear((int) Math.min(Integer.MAX_VALUE, index + 1), Math.max(onDisk.length(), (int) index + 1));
        size = newSize;
    }

    private Segment load(long index) throws IOException {
        Segment s = cache.get(index);
        if (s != null) {
            return s;
        }
        s = new Segment();
        if (index < Integer.MAX_VALUE && onDisk.get((int) index)) {
            unseal(index, s);
        }
        if (cache.size() >= CACHED) {
            var eldest = cache.entrySet().iterator().next();
            seal(eldest.getKey(), eldest.getValue());
            cache.remove(eldest.getKey());
        }
        cache.put(index, s);
        return s;
    }

    private void seal(long index, Segment s) throws IOException {
        if (!s.dirty) {
            return;
        }
        if (index >= Integer.MAX_VALUE) {
            throw new IOException("scratch file too large: more than " + (long) Integer.MAX_VALUE * SEGMENT + " bytes");
        }
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(aad(index, s.length));
            ByteBuffer out = ByteBuffer.allocate(NONCE + 4 + s.length + TAG);
            out.put(nonce).putInt(s.length);
            c.doFinal(ByteBuffer.wrap(s.data, 0, s.length), out);
            out.flip();
            long at = index * RECORD;
            while (out.hasRemaining()) {
                at += raw.write(out, at);
            }
            onDisk.set((int) index);
            s.dirty = false;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt the scratch file: " + e.getMessage(), e);
        }
    }

    private void unseal(long index, Segment s) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(NONCE + 4);
        readFully(head, index * RECORD);
        head.flip();
        byte[] nonce = new byte[NONCE];
        head.get(nonce);
        int length = head.getInt();
        if (length < 0 || length > SEGMENT) {
            throw changed(index, null);
        }
        ByteBuffer body = ByteBuffer.allocate(length + TAG);
        readFully(body, index * RECORD + NONCE + 4);
        body.flip();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(aad(index, length));
            int n = c.doFinal(body, ByteBuffer.wrap(s.data));
            s.length = n;
        } catch (javax.crypto.AEADBadTagException e) {
            throw changed(index, e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt the scratch file: " + e.getMessage(), e);
        }
    }

    private void readFully(ByteBuffer buf, long at) throws IOException {
        while (buf.hasRemaining()) {
            int n = raw.read(buf, at + buf.position());
            if (n < 0) {
                throw changed(at / RECORD, null);
            }
        }
    }

    private static IOException changed(long index, Exception cause) {
        return new IOException("the encrypted scratch file changed on disk while in use (segment " + index
                + "); read the bundle again", cause);
    }

    private static byte[] aad(long index, int length) {
        return ByteBuffer.allocate(12).putLong(index).putInt(length).array();
    }

    @Override
    public synchronized void close() throws IOException {
        cache.clear();
        raw.close();
    }
}
