package org.exhibit.capture;

/** A URL Exhibit will not open; the message is one line naming the URL and why. */
public final class RefusedUrlException extends IllegalArgumentException {
    public RefusedUrlException(String message) {
        super(message);
    }
}
