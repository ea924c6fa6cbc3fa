package org.exhibit.tools;

/** The command could not run as asked (exit code 2); the message is the one line the user sees. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
