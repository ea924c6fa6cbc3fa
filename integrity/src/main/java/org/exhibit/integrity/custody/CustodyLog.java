package org.exhibit.integrity.custody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.digest.Sha256;

/**
 * The append-only, hash-chained custody log of a case ({@code custody/events.jsonl}): one compact JSON
 * {@link CustodyEvent} a line, each naming the SHA-256 of the line before it (its bytes including the
 * newline, so {@code sed -n 3p events.jsonl | sha256sum} is the {@code prev} of line 4).
 *
 * <p>Appends are safe from several threads and processes: each takes a lock (in-process, then on the
 * file), reads the last line, writes one line and fsyncs.
 *
 * <pre>{@code
 * CustodyLog log = new CustodyLog(caseDir.resolve("custody/events.jsonl"));
 * log.append(me.actor(), CustodyEvent.INGESTED, "files/0001", Map.of("sha256", hex));
 * ChainReport r = log.verify();      // r.intact(), r.firstBreak().message()
 * }</pre>
 */
public final class CustodyLog {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    public CustodyLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** Appends one event and returns it as written; refuses when the last line is half-written. */
    public CustodyEvent append(Actor actor, String action, String subject, Map<String, ?> details) throws IOException {
        if (action == null || !action.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("expected an action like \"ingested\", got " + action);
        }
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            long size = ch.size();
            byte[] last = LastLine.read(ch, size);
            long seq = 1;
            Sha256 prev = Sha256.ZERO;
            if (last.length > 0) {
                if (last[last.length - 1] != '\n') {
                    throw new CustodyLogException(file + " ends with a half-written line (" + last.length
                            + " bytes, no newline): run `exhibit case check DIR --repair` to cut it off");
                }
                seq = seqOf(last, size) + 1;
                prev = Sha256.ofBytes(last);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) details;
            CustodyEvent event = new CustodyEvent(seq, Instant.now().truncatedTo(ChronoUnit.MILLIS), actor, action,
                    subject, d, prev.hex());
            byte[] body = Json.COMPACT.writeValueAsBytes(event);
            ByteBuffer line = ByteBuffer.allocate(body.length + 1).put(body).put((byte) '\n').flip();
            long pos = size;
            while (line.hasRemaining()) {
                pos += ch.write(line, pos);
            }
            ch.force(true);
            return event;
        } finally {
            lock.unlock();
        }
    }

    private long seqOf(byte[] last, long size) throws CustodyLogException {
        try {
            return Json.MAPPER.readTree(last).get(CustodyEvent.SEQ).asLong();
        } catch (IOException | RuntimeException e) {
            throw new CustodyLogException(file + ": the last line (ending at byte " + size
                    + ") is not a custody event: the log is damaged; run `exhibit case check DIR` for details");
        }
    }

    /** SHA-256 of the last complete line, or {@link Sha256#ZERO} when the log is empty or missing. */
    public Sha256 head() throws IOException {
        if (!Files.exists(file)) {
            return Sha256.ZERO;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] last = LastLine.read(ch, ch.size());
            if (last.length > 0 && last[last.length - 1] != '\n') {
                last = LastLine.read(ch, ch.size() - last.length);
            }
            return last.length == 0 ? Sha256.ZERO : Sha256.ofBytes(last);
        }
    }

    /** Walks the whole chain and names the first break. */
    public ChainReport verify() throws IOException {
        return verify(null);
    }

    /** Walks the chain and also checks that it ends at {@code expectedHead} (as a bundle manifest records it). */
    public ChainReport verify(Sha256 expectedHead) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ChainVerifier.check(in, expectedHead);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + ": no custody log");
        }
    }

    /** Every event, in order; lines that are not events (see {@link #verify()}) are left out. */
    public List<CustodyEvent> events() throws IOException {
        List<CustodyEvent> events = new ArrayList<>();
        try (var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                try {
                    events.add(Json.MAPPER.readValue(line, CustodyEvent.class));
                } catch (IOException e) {
                    // a damaged or half-written line: verify() names it; callers get the events that parse
                }
            }
        }
        return events;
    }

    /**
     * Cuts off a half-written last line (only that: a damaged chain is never rewritten). The cut bytes are
     * kept in {@code events.jsonl.cut-<time>} beside the log.
     *
     * @return the number of bytes cut, 0 when the log ended cleanly
     */
    public long repair() throws IOException {
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            long size = ch.size();
            byte[] last = LastLine.read(ch, size);
            if (last.length == 0 || last[last.length - 1] == '\n') {
                return 0;
            }
            String stamp = Instant.now().toString().replace(":", "");
            Json.writeAtomically(file.resolveSibling(file.getFileName() + ".cut-" + stamp), last);
            ch.truncate(size - last.length);
            ch.force(true);
            return last.length;
        } finally {
            lock.unlock();
        }
    }

    /** Finds the last line of a file by scanning backwards from {@code end} in 8 KiB steps. */
    private static final class LastLine {
        static byte[] read(FileChannel ch, long end) throws IOException {
            long start = 0;
            ByteBuffer buf = ByteBuffer.allocate(8192);
            scan:
            for (long pos = end; pos > 0; ) {
                long from = Math.max(0, pos - buf.capacity());
                buf.clear().limit((int) (pos - from));
                fill(ch, buf, from);
                for (int k = buf.limit() - 1; k >= 0; k--) {
                    // the byte at end-1 is this line's own newline, not the end of the previous line
                    if (buf.get(k) == '\n' && from + k < end - 1) {
                        start = from + k + 1;
                        break scan;
                    }
                }
                pos = from;
                if (end - pos > ChainVerifier.MAX_LINE + 1L) {
                    throw new CustodyLogException("the last line of the custody log is longer than "
                            + ChainVerifier.MAX_LINE + " bytes: the log is damaged");
                }
            }
            ByteBuffer line = ByteBuffer.allocate((int) (end - start));
            fill(ch, line, start);
            return line.array();
        }

        private static void fill(FileChannel ch, ByteBuffer buf, long from) throws IOException {
            while (buf.hasRemaining()) {
                if (ch.read(buf, from + buf.position()) < 0) {
                    throw new IOException("the custody log shrank while it was read");
                }
            }
        }
    }
}
