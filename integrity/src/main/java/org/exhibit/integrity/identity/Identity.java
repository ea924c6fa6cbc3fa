package org.exhibit.integrity.identity;

import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.exhibit.format.record.Actor;

/**
 * The investigator: a private key and the certificate chain that names them. Loaded from an
 * {@link IdentityStore} with the passphrase.
 *
 * <pre>{@code
 * Identity me = new IdentityStore(home).load(passphrase);
 * byte[] p7s;
 * try (InputStream in = Files.newInputStream(manifest)) {
 *     p7s = me.signDetached(in);        // CMS SignedData, detached, DER
 * }
 * log.append(me.actor(), "sealed", "bundle:" + hash, Map.of());
 * }</pre>
 *
 * @param name       the certificate subject's common name
 * @param org        organisation, or null
 * @param email      e-mail address, or null
 * @param privateKey the signing key (ECDSA P-256 for created identities; EC or RSA when imported)
 * @param chain      certificate chain, the investigator's own certificate first
 */
public record Identity(String name, String org, String email, PrivateKey privateKey, List<X509Certificate> chain) {
    public Identity {
        chain = List.copyOf(chain);
    }

    static Identity of(PrivateKey key, List<X509Certificate> chain) {
        PublicIdentity pub = PublicIdentity.of(chain);
        return new Identity(pub.name(), pub.org(), pub.email(), key, chain);
    }

    public PublicIdentity publicInfo() {
        return new PublicIdentity(name, org, email, chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding. */
    public String fingerprint() {
        return publicInfo().fingerprint();
    }

    /** How the custody log names this investigator. */
    public Actor actor() {
        return publicInfo().actor();
    }

    /**
     * Signs a stream (read to its end, not closed) as CMS SignedData (RFC 5652): detached, SHA-256,
     * signed attributes, the certificate chain included, DER-encoded. Checkable with
     * {@code openssl cms -verify -binary -inform DER -in X.p7s -content X -CAfile investigator.pem -purpose any}.
     */
    public byte[] signDetached(InputStream content) throws IOException {
        return CmsSigner.signDetached(privateKey, chain, content);
    }

    @Override
    public String toString() {
        return "Identity[" + name + ", " + fingerprint() + "]";
    }
}
