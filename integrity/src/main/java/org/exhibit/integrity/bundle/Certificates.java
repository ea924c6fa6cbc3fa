package org.exhibit.integrity.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.TrustAnchors;

/** Reading PEM certificate chains from a bundle and asking whether one ends in a trust anchor. */
final class Certificates {
    private Certificates() {
    }

    static List<X509Certificate> parse(String file, byte[] pem) throws IOException {
        try {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new IOException(file + ": expected PEM certificates, got none");
            }
            return certs;
        } catch (CertificateException e) {
            throw new IOException(file + ": expected PEM certificates, got unreadable data", e);
        }
    }

    static String fingerprint(X509Certificate cert) {
        try {
            return Sha256.ofBytes(cert.getEncoded()).hex();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode certificate " + cert.getSubjectX500Principal(), e);
        }
    }

    /**
     * Whether the chain's first certificate (the signer) is an anchor itself or the chain validates up to one at
     * {@code at}. An anchor further up a chain that does not validate counts for nothing: anyone can append a
     * trusted certificate to a PEM file.
     */
    static boolean trusted(List<X509Certificate> chain, TrustAnchors anchors, Instant at) {
        if (anchors.isEmpty() || chain.isEmpty()) {
            return false;
        }
        if (anchors.certificates().contains(chain.get(0))) {
            return true;
        }
        try {
            Set<TrustAnchor> roots = anchors.certificates().stream().map(c -> new TrustAnchor(c, null))
                    .collect(Collectors.toSet());
            PKIXParameters params = new PKIXParameters(roots);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
