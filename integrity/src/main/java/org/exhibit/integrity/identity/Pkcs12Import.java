package org.exhibit.integrity.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/** Picks the one signing key out of a PKCS#12 file an organisation issued, and checks it can sign evidence. */
final class Pkcs12Import {
    private Pkcs12Import() {
    }

    static Identity identity(KeyStore ks, Path source, char[] passphrase) throws IdentityException {
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new IdentityException("expected one private key in " + source + ", got " + keyAliases.size());
            }
            String alias = keyAliases.get(0);
            PrivateKey key = (PrivateKey) ks.getKey(alias, passphrase);
            Certificate[] chain = ks.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new IdentityException("expected a certificate with the key in " + source + ", got none");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            X509Certificate leaf = certs.get(0);
            checkUsable(leaf, key, source);
            return Identity.of(key, certs);
        } catch (UnrecoverableKeyException e) {
            throw new IdentityException("wrong passphrase for the key in " + source, e);
        } catch (GeneralSecurityException e) {
            throw new IdentityException("cannot read the key in " + source + ": " + e.getMessage(), e);
        }
    }

    private static void checkUsable(X509Certificate leaf, PrivateKey key, Path source) throws IdentityException {
        String algorithm;
        try {
            algorithm = CmsSigner.signatureAlgorithm(key);
        } catch (IllegalArgumentException e) {
            throw new IdentityException(e.getMessage() + " in " + source);
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw new IdentityException("expected a certificate allowing digitalSignature or nonRepudiation in "
                    + source + ", got key usage without either");
        }
        if (leaf.getNotAfter().before(new Date())) {
            throw new IdentityException("the certificate in " + source + " expired on " + leaf.getNotAfter().toInstant());
        }
        try {
            byte[] probe = "exhibit key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(leaf.getPublicKey());
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IdentityException("the key in " + source + " does not belong to its certificate "
                        + leaf.getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException e) {
            throw new IdentityException("cannot sign with the key in " + source + ": " + e.getMessage(), e);
        }
    }
}
