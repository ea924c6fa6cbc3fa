package org.exhibit.format.record;

import java.time.Instant;

/**
 * What a court asks about one certificate of a chain.
 *
 * @param subject   subject DN (RFC 2253)
 * @param issuer    issuer DN (RFC 2253)
 * @param serial    serial number in hex
 * @param notBefore start of validity
 * @param notAfter  end of validity
 * @param sha256    SHA-256 fingerprint of the DER encoding, lower-case hex
 * @param pem       the certificate in PEM
 */
public record CertificateSummary(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                                 String sha256, String pem) {
}
