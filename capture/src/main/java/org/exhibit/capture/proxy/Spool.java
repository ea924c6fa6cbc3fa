package org.exhibit.capture.proxy;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.exhibit.integrity.digest.Sha256;

/**
 * The bytes of one HTTP message as they crossed the proxy, kept for its WARC record: in memory up to
 * 1 MiB, then in a file of the spool directory. Computes the block digest (every recorded byte) and the
 * payload digest (the body without its transfer coding) as the bytes pass.
 */
final class Spool implements Closeable {
    private static final int IN_MEMORY = 1 << 20;
    private final Path dir;
    private final long maxBody;
    private final MessageDigest block = Sha256.newDigest();
    private final MessageDigest payload = Sha256.newDigest();
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(4096);
    private Path file;
    private OutputStream fileOut;
    private long size;
    /** When bytes last came (System.nanoTime), read by the idle clock to tell a stalled exchange from a slow one. */
    private volatile long touched = System.nanoTime();
    private long bodyRecorded;
    private long payloadSize;
    private boolean truncated;

    Spool(Path dir, long maxBody) {
        this.dir = dir;
        this.maxBody = maxBody;
    }

    /** Records head bytes; never truncated. */
    void head(byte[] b) throws IOException {
        append(b, 0, b.length);
    }

    /** Records body bytes as on the wire (framing included) up to the body limit. */
    void body(byte[] b, int off, int len) throws IOException {
        long room = maxBody - bodyRecorded;
        int n = (int) Math.min(len, Math.max(room, 0));
        if (n < len) {
            truncated = true;
        }
        if (n > 0) {
            append(b, off, n);
            bodyRecorded += n;
        }
    }

    /** Counts payload bytes (the body with transfer coding removed) into the payload digest. */
    void payload(byte[] b, int off, int len) {
        payload.update(b, off, len);
        payloadSize += len;
    }

    private void append(byte[] b, int off, int len) throws IOException {
        block.update(b, off, len);
        size += len;
        touched = System.nanoTime();
        if (fileOut != null) {
            fileOut.write(b, off, len);
            return;
        }
        memory.write(b, off, len);
        if (memory.size() > IN_MEMORY) {
            file = Files.createTempFile(dir, "exchange", ".bin");
            fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            memory.writeTo(fileOut);
            memory = null;
        }
    }

    long size() {
        return size;
    }

    long touched() {
        return touched;
    }

    long payloadSize() {
        return payloadSize;
    }

    boolean truncated() {
        return truncated;
    }

    byte[] blockDigest() {
        return ((MessageDigest) clone(block)).digest();
    }

    byte[] payloadDigest() {
        return ((MessageDigest) clone(payload)).digest();
    }

    /** The recorded bytes, from the start. */
    ReadableByteChannel open() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
            return FileChannel.open(file, StandardOpenOption.READ);
        }
        return Channels.newChannel(new java.io.ByteArrayInputStream(memory.toByteArray()));
    }

    private static Object clone(MessageDigest d) {
        try {
            return d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
            fileOut = null;
        }
        memory = null;
    }
}
