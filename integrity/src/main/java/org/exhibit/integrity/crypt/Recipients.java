package org.exhibit.integrity.crypt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who can open an encrypted bundle: the holders of these certificates' keys (RSA or EC) and whoever knows the
 * passphrase. At least one of them.
 *
 * @param certificates one per person (the investigator, the attorney, the victim)
 * @param passphrase   a passphrase that opens the bundle too, or null
 */
public record Recipients(List<X509Certificate> certificates, char[] passphrase) {
    public Recipients {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty() && (passphrase == null || passphrase.length == 0)) {
            throw new IllegalArgumentException("expected at least one certificate or a passphrase to encrypt to, "
                    + "got none");
        }
    }

    /**
     * Reads the first certificate of each PEM (or DER) file.
     *
     * @throws IOException naming the file that is missing or holds no certificate
     */
    public static List<X509Certificate> readCertificates(List<Path> files) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                        .generateCertificates(in);
                if (certs.isEmpty()) {
                    throw new IOException(file + ": expected a PEM certificate, got none");
                }
                X509Certificate cert = (X509Certificate) certs.iterator().next();
                String alg = cert.getPublicKey().getAlgorithm();
                if (!alg.equals("RSA") && !alg.equals("EC")) {
                    throw new IOException(file + ": expected an RSA or EC certificate, got a " + alg + " key");
                }
                out.add(cert);
            } catch (NoSuchFileException e) {
                throw new IOException(file + ": no such file; expected the recipient's certificate (PEM)");
            } catch (CertificateException e) {
                throw new IOException(file + ": not a certificate: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
