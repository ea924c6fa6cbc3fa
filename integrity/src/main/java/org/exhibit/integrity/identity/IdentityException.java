package org.exhibit.integrity.identity;

/** The identity cannot be created, read or used; the message is one line a user can act on. */
public final class IdentityException extends Exception {
    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
