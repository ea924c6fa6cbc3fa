package org.exhibit.integrity.bundle;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.ItemRecord;

/**
 * Builds the JSON readers of the bundle's records, manifest and custody-log lines on a thread of its own while the
 * ZIP's central directory is read. In a fresh process Jackson works out each type's reader by reflection the first
 * time (~100-150 ms of CPU for these types); done here it uses the core that is otherwise idle until hashing
 * starts, instead of competing with the hashing later. The readers are cached by the shared mapper; nothing is read.
 */
final class ReaderWarmup {
    private static final List<Class<?>> TYPES = List.of(CustodyManifest.class, CaptureRecord.class, ItemRecord.class,
            CustodyEvent.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ReaderWarmup() {
    }

    /** Starts building the readers, once a process (the mapper keeps them); returns at once. */
    static void start() {
        if (STARTED.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(ReaderWarmup::run, "exhibit-readers");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        for (Class<?> type : TYPES) {
            try {
                Json.MAPPER.readerFor(type);
            } catch (RuntimeException e) {
                return; // the checks that read these types report what is wrong
            }
        }
    }
}
