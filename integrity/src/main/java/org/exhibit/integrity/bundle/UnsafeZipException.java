package org.exhibit.integrity.bundle;

import java.io.IOException;

/**
 * A ZIP that {@link SafeZip} refuses to read: a path escaping the archive, a link, a duplicate name, a size or
 * ratio over its {@link ZipLimits}, or a structure that does not hold together (truncated, overlapping or
 * mismatched headers). The message is one line naming the entry.
 */
public class UnsafeZipException extends IOException {
    public UnsafeZipException(String message) {
        super(message);
    }

    public UnsafeZipException(String message, Throwable cause) {
        super(message, cause);
    }
}
