package org.exhibit.integrity.crypt;

import java.io.IOException;

/** An encrypted bundle that could not be opened; the message is one line naming the file and what to do. */
public final class DecryptionException extends IOException {
    /** Why. */
    public enum Kind {
        /** Not an encrypted bundle (not CMS AuthEnvelopedData with AES-256-GCM over data). */
        NOT_ENCRYPTED,
        /** Not encrypted to this key, or the passphrase is wrong. */
        WRONG_KEY,
        /** Damaged, tampered with or truncated: the authentication tag or the structure does not hold. */
        DAMAGED
    }

    private final Kind kind;

    public DecryptionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DecryptionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
