package org.exhibit.integrity.timestamp;

/**
 * A timestamp could not be obtained or does not hold. The message is one line for the user; when the
 * {@link Timestamper} gave up, every failed attempt is attached with {@link #addSuppressed(Throwable)}.
 */
public class TimestampException extends Exception {
    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
