package org.exhibit.capture.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * One batch at a time per case ({@code .work/batch.lock}): resuming moves half-written folders away, which must
 * never happen under a batch that is still running. The operating system drops the lock when the process dies.
 */
final class CaseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static CaseLock acquire(CaseWorkspace ws) throws IOException {
        Files.createDirectories(ws.workDir());
        Path file = ws.workDir().resolve("batch.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("another batch is capturing into " + ws.root() + " (" + file
                    + " is locked): wait for it to end, or stop it and run this command again to resume");
        }
        return new CaseLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
