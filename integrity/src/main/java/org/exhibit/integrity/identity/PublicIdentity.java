package org.exhibit.integrity.identity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.digest.Sha256;

/**
 * What anyone may know of an investigator: the certificate chain and the names in it. Read from
 * {@code identity.pem}, so it needs no passphrase.
 *
 * @param name  the subject's common name
 * @param org   the subject's organisation, or null
 * @param email the subject's e-mail address, or null
 * @param chain the certificate chain, the investigator's own certificate first
 */
public record PublicIdentity(String name, String org, String email, List<X509Certificate> chain) {
    public PublicIdentity {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("expected at least one certificate, got none");
        }
        chain = List.copyOf(chain);
    }

    /** Reads name, organisation and e-mail from the subject of the chain's first certificate. */
    public static PublicIdentity of(List<X509Certificate> chain) {
        X500Name subject = X500Name.getInstance(chain.get(0).getSubjectX500Principal().getEncoded());
        String name = first(subject, BCStyle.CN);
        if (name == null) {
            name = subject.toString();
        }
        return new PublicIdentity(name, first(subject, BCStyle.O), first(subject, BCStyle.EmailAddress), chain);
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** The investigator's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding (what {@code openssl x509 -fingerprint -sha256} shows). */
    public String fingerprint() {
        try {
            return Sha256.ofBytes(certificate().getEncoded()).hex();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate of " + name, e);
        }
    }

    /** How the custody log and the records name this investigator. */
    public Actor actor() {
        return new Actor(name, fingerprint());
    }

    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    /** The chain as PEM, as {@code identity.pem} and a bundle's {@code custody/investigator.pem} hold it. */
    public String chainPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate cert : chain) {
                pem.writeObject(cert);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
