package org.exhibit.metadata.pdq;

import java.io.IOException;

/** An image that cannot be decoded for hashing; the message is one line naming the reason. */
public final class UnreadableImageException extends IOException {
    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
