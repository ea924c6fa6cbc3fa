package org.exhibit.integrity.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A fresh ECDSA P-256 key and a self-signed certificate naming the investigator. */
final class SelfSignedCertificate {
    /** Long enough to cover a case through trial and appeal; a bundle's timestamps prove when it was signed. */
    static final Duration VALIDITY = Duration.ofDays(10 * 365 + 2);

    private SelfSignedCertificate() {
    }

    static Identity create(String name, String org, String email, Instant now) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = kpg.generateKeyPair();

            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name);
            if (org != null) {
                subject.addRDN(BCStyle.O, org);
            }
            if (email != null) {
                subject.addRDN(BCStyle.EmailAddress, email);
            }
            X500Name dn = subject.build();
            BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(dn, serial,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), dn, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CmsSigner.BC)
                            .build(keys.getPrivate())));
            return Identity.of(keys.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create an ECDSA P-256 certificate: " + e.getMessage(), e);
        }
    }
}
