package org.exhibit.integrity.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.ZipException;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * An entry's bytes as they inflate, held to the entry's declared size, the {@link ZipLimits} and the archive's
 * running total, whatever the headers claim; at the end the CRC-32 must match the central directory.
 * Over a limit: {@link UnsafeZipException}; damaged data: {@link ZipException}.
 */
final class GuardedEntryStream extends FilterInputStream {
    private final SafeZip.Entry entry;
    private final ZipLimits limits;
    private final AtomicLong archiveTotal;
    private final CRC32 crc = new CRC32();
    private long count;
    private boolean ended;

    GuardedEntryStream(InputStream in, SafeZip.Entry entry, ZipLimits limits, AtomicLong archiveTotal) {
        super(in);
        this.entry = entry;
        this.limits = limits;
        this.archiveTotal = archiveTotal;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        long room = entry.size() - count;
        // ask for one byte more than the declared size allows, to catch an entry that inflates past it
        int n = super.read(b, off, (int) Math.min(len, Math.max(room + 1, 1)));
        if (n < 0) {
            end();
            return -1;
        }
        count += n;
        crc.update(b, off, n);
        if (count > entry.size()) {
            // damaged (or lying) data: reading stops here all the same, and the entry is reported as damaged
            throw new ZipException(entry.quoted() + ": ZIP entry damaged: inflates past its declared size of "
                    + entry.size() + " bytes");
        }
        if (count > limits.maxEntrySize()) {
            throw new UnsafeZipException(entry.quoted() + ": larger than the limit of " + limits.maxEntrySize()
                    + " bytes");
        }
        if (archiveTotal.addAndGet(n) > limits.maxTotalSize()) {
            throw new UnsafeZipException(entry.quoted() + ": archive inflates past the limit of "
                    + limits.maxTotalSize() + " bytes in all");
        }
        if (in instanceof InputStreamStatistics stats && limits.overRatio(count, stats.getCompressedCount())) {
            throw new UnsafeZipException(entry.quoted() + ": compression ratio over " + limits.maxRatio()
                    + " (" + count + " bytes from " + stats.getCompressedCount() + "); refusing a zip bomb");
        }
        return n;
    }

    private void end() throws IOException {
        ended = true;
        if (count != entry.size()) {
            throw new ZipException(entry.quoted() + ": ZIP entry damaged: expected " + entry.size()
                    + " bytes, got " + count);
        }
        if (crc.getValue() != entry.crc()) {
            throw new ZipException(entry.quoted() + ": ZIP entry damaged: CRC-32 expected "
                    + String.format("%08x", entry.crc()) + ", got " + String.format("%08x", crc.getValue()));
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
