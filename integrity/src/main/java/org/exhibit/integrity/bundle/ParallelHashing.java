package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import java.util.zip.CRC32;
import org.exhibit.integrity.digest.Sha256;

/**
 * SHA-256 (and CRC-32) of many streams on a small pool, one stream a task, largest first so that the cores
 * finish together. Each stream is read once in 256 KiB slices; memory stays at one buffer a thread.
 */
final class ParallelHashing {
    private static final int BUFFER = 256 * 1024;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    /** How to open one item; a failure to read is kept as the item's {@link Digest#error()}. */
    @FunctionalInterface
    interface Source<T> {
        InputStream open(T item) throws IOException;
    }

    /**
     * One item's digests, or why it could not be read.
     *
     * @param sha256 SHA-256, null on error
     * @param crc32  CRC-32, -1 on error or when not asked for
     * @param size   bytes read
     * @param error  the exception that stopped the read, or null
     */
    record Digest(Sha256 sha256, long crc32, long size, IOException error) {
    }

    private ParallelHashing() {
    }

    /** The threads to hash with: every core the JVM may use, at least two, at most eight. */
    static int threads() {
        return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Hashes every item on the pool.
     *
     * @param crc whether to compute CRC-32 too (the ZIP writer needs it; a {@link SafeZip} stream checks its own)
     */
    static <T> Map<T, Digest> hash(List<T> items, ToLongFunction<T> size, Source<T> source, boolean crc)
            throws InterruptedException {
        Running<T> running = start(items, size, source, crc, 0);
        try {
            Map<T, Digest> out = new LinkedHashMap<>();
            for (T item : items) {
                out.put(item, running.get(item));
            }
            return out;
        } finally {
            running.close();
        }
    }

    /**
     * Starts hashing every item on a pool of its own and returns at once: items of at most {@code smallFirst}
     * bytes first (smallest first: what a caller needs soon, such as records and tokens), then the others, largest
     * first so that the threads finish together.
     */
    static <T> Running<T> start(List<T> items, ToLongFunction<T> size, Source<T> source, boolean crc,
                                long smallFirst) {
        List<T> order = new ArrayList<>(items);
        order.sort(Comparator.comparingLong((T item) -> size.applyAsLong(item) <= smallFirst
                ? size.applyAsLong(item) - Long.MAX_VALUE : -size.applyAsLong(item)));
        ExecutorService pool = Executors.newFixedThreadPool(threads(), r -> {
            Thread t = new Thread(r, "exhibit-hash");
            t.setDaemon(true);
            return t;
        });
        Map<T, Future<Digest>> futures = new LinkedHashMap<>();
        for (T item : order) {
            futures.put(item, pool.submit(() -> digest(source, item, crc)));
        }
        pool.shutdown();
        return new Running<>(pool, futures);
    }

    /** Digests being taken: each one's result as soon as it is done. */
    static final class Running<T> implements AutoCloseable {
        private final ExecutorService pool;
        private final Map<T, Future<Digest>> futures;

        private Running(ExecutorService pool, Map<T, Future<Digest>> futures) {
            this.pool = pool;
            this.futures = futures;
        }

        /** The item's digest, waiting for it when needed; null for an item not being hashed. */
        Digest get(T item) throws InterruptedException {
            Future<Digest> f = futures.get(item);
            if (f == null) {
                return null;
            }
            try {
                return f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("hashing failed: " + e.getCause(), e.getCause());
            }
        }

        /** Stops what is not done yet. */
        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    static <T> Digest digest(Source<T> source, T item, boolean withCrc) {
        MessageDigest md = Sha256.newDigest();
        CRC32 crc = withCrc ? new CRC32() : null;
        byte[] buf = BUFFERS.get();
        long size = 0;
        try (InputStream in = source.open(item)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
                if (crc != null) {
                    crc.update(buf, 0, n);
                }
                size += n;
            }
        } catch (IOException e) {
            return new Digest(null, -1, size, e);
        }
        return new Digest(Sha256.of(md.digest()), crc == null ? -1 : crc.getValue(), size, null);
    }
}
