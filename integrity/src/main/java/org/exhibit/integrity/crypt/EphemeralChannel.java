package org.exhibit.integrity.crypt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A view of an {@link EphemeralFile} as a {@link FileChannel}, so that the ZIP reader and writer use it as they
 * use a file: positional reads are safe from several threads. Closing it leaves the file open. No mapping, no
 * locks.
 */
final class EphemeralChannel extends FileChannel {
    private final EphemeralFile file;
    private long position;

    EphemeralChannel(EphemeralFile file) {
        this.file = file;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = file.read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        int n = file.write(src, position);
        position += n;
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("expected a position of 0 or more, got " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public synchronized FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        position = Math.min(position, size);
        return this;
    }

    @Override
    public void force(boolean metaData) {
        // scratch: nothing to keep after the process ends
    }

    @Override
    public long transferTo(long pos, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(EphemeralFile.SEGMENT);
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = file.read(buf, pos + done);
            if (n <= 0) {
                break;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                target.write(buf);
            }
            done += n;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long pos, long count) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(EphemeralFile.SEGMENT);
        long done = 0;
        while (done < count) {
            buf.clear().limit((int) Math.min(buf.capacity(), count - done));
            int n = src.read(buf);
            if (n <= 0) {
                break;
            }
            buf.flip();
            done += file.write(buf, pos + done);
        }
        return done;
    }

    @Override
    public int read(ByteBuffer dst, long pos) throws IOException {
        return file.read(dst, pos);
    }

    @Override
    public int write(ByteBuffer src, long pos) throws IOException {
        return file.write(src, pos);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long pos, long size) {
        throw new UnsupportedOperationException("an encrypted scratch file cannot be mapped");
    }

    @Override
    public FileLock lock(long pos, long size, boolean shared) {
        throw new UnsupportedOperationException("an encrypted scratch file is not locked");
    }

    @Override
    public FileLock tryLock(long pos, long size, boolean shared) {
        throw new UnsupportedOperationException("an encrypted scratch file is not locked");
    }

    @Override
    protected void implCloseChannel() {
        // the file stays open for other views; EphemeralFile.close() ends it
    }
}
