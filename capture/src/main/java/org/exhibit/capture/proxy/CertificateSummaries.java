package org.exhibit.capture.proxy;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.exhibit.format.record.CertificateSummary;
import org.exhibit.integrity.digest.Sha256;

/** A presented certificate as the record keeps it. */
public final class CertificateSummaries {
    private CertificateSummaries() {
    }

    public static CertificateSummary of(X509Certificate cert) {
        try {
            byte[] der = cert.getEncoded();
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return new CertificateSummary(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                    cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                    Sha256.ofBytes(der).hex(), pem);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("expected an encodable certificate, got " + cert.getSubjectX500Principal(), e);
        }
    }
}
