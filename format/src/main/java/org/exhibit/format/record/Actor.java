package org.exhibit.format.record;

/**
 * Who did something to the evidence, as the custody log and the records name them.
 *
 * @param name        the investigator's name (the certificate's common name)
 * @param fingerprint lower-case hex SHA-256 of the investigator's certificate (DER)
 */
public record Actor(String name, String fingerprint) {
    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("expected an actor name, got " + (name == null ? "none" : "a blank one"));
        }
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected a 64-hex-character certificate fingerprint, got " + fingerprint);
        }
    }
}
