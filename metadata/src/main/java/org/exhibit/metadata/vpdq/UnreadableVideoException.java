package org.exhibit.metadata.vpdq;

import java.io.IOException;

/** A file that cannot be decoded as a video for hashing; the message is one line naming the file and why. */
public final class UnreadableVideoException extends IOException {
    public UnreadableVideoException(String message) {
        super(message);
    }
}
