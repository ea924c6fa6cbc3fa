package org.exhibit.integrity.bundle;

/**
 * A ZIP with more than one reading: its local headers and its central directory disagree (a planted entry, a gap,
 * a miscounted end record, bytes after the end), so that two tools would show two different bundles. Evidence
 * that fails verification (exit 1), not a file that cannot be read. The message is one line naming the entry.
 */
public final class AmbiguousZipException extends UnsafeZipException {
    public AmbiguousZipException(String message) {
        super(message);
    }
}
