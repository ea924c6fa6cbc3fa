package org.exhibit.integrity.custody;

import java.io.IOException;

/** The custody log cannot be appended to as it is (damaged or half-written); the message says what to do. */
public final class CustodyLogException extends IOException {
    public CustodyLogException(String message) {
        super(message);
    }
}
