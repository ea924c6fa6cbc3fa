package org.exhibit.integrity.crypt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * What opens an encrypted bundle: a private key with its certificate, or a passphrase.
 *
 * @param privateKey  the recipient's key (RSA or EC), or null for a passphrase
 * @param certificate the certificate the bundle was encrypted to, with {@code privateKey}
 * @param passphrase  the bundle's passphrase, or null for a key
 */
public record DecryptionKey(PrivateKey privateKey, X509Certificate certificate, char[] passphrase) {
    public DecryptionKey {
        if ((privateKey == null) == (passphrase == null) || (privateKey != null && certificate == null)) {
            throw new IllegalArgumentException("expected a key with its certificate, or a passphrase");
        }
    }

    public static DecryptionKey of(PrivateKey key, X509Certificate certificate) {
        return new DecryptionKey(key, certificate, null);
    }

    public static DecryptionKey ofPassphrase(char[] passphrase) {
        return new DecryptionKey(null, null, passphrase);
    }

    /** The first key entry of a PKCS#12 file. */
    public static DecryptionKey fromPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate cert) {
                    return of((PrivateKey) ks.getKey(alias, password), cert);
                }
            }
            throw new IOException(file + ": expected a private key with its certificate in the PKCS#12 file, got none");
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file; expected a PKCS#12 (.p12) key", e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw new IOException(file + ": wrong passphrase for the PKCS#12 key", e);
            }
            throw new IOException(file + ": cannot read as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": cannot read as PKCS#12: " + e.getMessage(), e);
        }
    }

    /** How the error messages name this key. */
    String describe() {
        return privateKey == null ? "the passphrase" : "the key of " + certificate.getSubjectX500Principal().getName();
    }
}
