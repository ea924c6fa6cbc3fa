package org.exhibit.integrity.bundle;

/**
 * Bounds a ZIP must stay within before {@link SafeZip} reads a byte of it. Sizes are checked against the
 * central directory when the archive is opened and again against the bytes actually inflated.
 *
 * @param maxEntries      most entries an archive may hold
 * @param maxEntrySize    largest uncompressed size of one entry, in bytes
 * @param maxTotalSize    largest uncompressed size of all entries together, in bytes
 * @param maxRatio        largest uncompressed/compressed ratio of an entry (zip bombs reach ~1000)
 * @param ratioGraceBytes the ratio is enforced only once an entry has inflated past this many bytes
 */
public record ZipLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxRatio, long ratioGraceBytes) {
    /** 100 000 entries, 64 GiB an entry, 1 TiB in all, ratio 100 past the first MiB. */
    public static final ZipLimits DEFAULT = new ZipLimits(100_000, 64L << 30, 1L << 40, 100, 1L << 20);

    public ZipLimits {
        if (maxEntries < 1 || maxEntrySize < 1 || maxTotalSize < 1 || maxRatio < 1 || ratioGraceBytes < 0) {
            throw new IllegalArgumentException("expected positive ZIP limits, got " + maxEntries + ", " + maxEntrySize
                    + ", " + maxTotalSize + ", " + maxRatio + ", " + ratioGraceBytes);
        }
    }

    /** Whether an entry that inflated {@code uncompressed} bytes from {@code compressed} is over the ratio. */
    boolean overRatio(long uncompressed, long compressed) {
        return uncompressed > ratioGraceBytes && uncompressed > (double) maxRatio * Math.max(compressed, 1);
    }
}
