package org.exhibit.integrity.bundle;

/** A case that cannot be sealed as it is; the message is one line naming the file and what to do. */
public final class SealException extends Exception {
    public SealException(String message) {
        super(message);
    }

    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
