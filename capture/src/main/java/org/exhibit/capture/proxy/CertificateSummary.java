package org.exhibit.capture.proxy;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.exhibit.integrity.digest.Sha256;

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

    public static CertificateSummary of(X509Certificate cert) {
        try {
            byte[] der = cert.getEncoded();
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return new CertificateSummary(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                    cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                    Sha256.ofBytes(der).hex(), pem);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("expected an encodable certificate, got " + cert.getSubjectX500Principal(), e);
        }
    }
}
