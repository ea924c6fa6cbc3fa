package org.exhibit.integrity.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.exhibit.integrity.digest.Sha256;

/**
 * The custody log up to and including the line whose SHA-256 is the head the manifest binds: its length and the
 * SHA-256 of those bytes, so that a line appended meanwhile by another process stays out of the bundle, and a
 * change under our feet is caught when the bytes are copied.
 *
 * @param length bytes from the start of the file to the end of the head line
 * @param sha256 SHA-256 of those bytes
 */
record LogSnapshot(long length, Sha256 sha256) {
    static LogSnapshot upTo(Path log, Sha256 head) throws IOException, SealException {
        MessageDigest whole = Sha256.newDigest();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long offset = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
            for (int b; (b = in.read()) >= 0; ) {
                line.write(b);
                offset++;
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    whole.update(bytes);
                    line.reset();
                    if (Sha256.ofBytes(bytes).equals(head)) {
                        return new LogSnapshot(offset, Sha256.of(whole.digest()));
                    }
                }
            }
        }
        throw new SealException(log.getFileName() + ": no line with SHA-256 " + head + " (the log changed while"
                + " sealing)");
    }
}
