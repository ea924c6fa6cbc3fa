package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues the local TSA's root and signing certificate (ECDSA P-256, SHA-256). */
final class TsaCertificates {
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 366);
    private static final Duration TSA_VALIDITY = Duration.ofDays(10 * 366);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Issued(X509Certificate root, X509Certificate certificate, PrivateKey key) {
    }

    private TsaCertificates() {
    }

    static Issued issue() throws GeneralSecurityException {
        return issue(TSA_VALIDITY);
    }

    /** With the TSA certificate valid for {@code tsaValidity} from now (the root as always). */
    static Issued issue(Duration tsaValidity) throws GeneralSecurityException {
        KeyPair rootKeys = ecKeyPair();
        KeyPair tsaKeys = ecKeyPair();
        Instant now = Instant.now();
        // The creation time tells one office's TSA from another's in a verification report.
        String created = now.truncatedTo(ChronoUnit.SECONDS).toString();
        X500Name rootName = new X500Name("CN=Exhibit local TSA root " + created + ",O=Exhibit");
        X500Name tsaName = new X500Name("CN=Exhibit local TSA " + created + ",O=Exhibit");
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        try {
            X509v3CertificateBuilder root = new JcaX509v3CertificateBuilder(rootName, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(ROOT_VALIDITY)), rootName,
                    rootKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(rootKeys.getPublic()));
            X509Certificate rootCert = sign(root, rootKeys.getPrivate());
            X509v3CertificateBuilder tsa = new JcaX509v3CertificateBuilder(rootCert, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(tsaValidity)), tsaName,
                    tsaKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(tsaKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(rootCert));
            return new Issued(rootCert, sign(tsa, rootKeys.getPrivate()), tsaKeys.getPrivate());
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot build a certificate extension", e);
        }
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return kpg.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** PEM text of the certificates, in order. */
    static String pem(X509Certificate... certs) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate cert : certs) {
                pem.writeObject(cert);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
