package org.exhibit.capture.proxy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority that lives for one run, in memory only: never written to disk, never installed.
 * It issues a leaf certificate per host the browser asks for; the browser trusts them because it is
 * started with {@code --ignore-certificate-errors-spki-list=} {@link #spkiSha256Base64()}.
 *
 * <pre>{@code
 * InterceptionCa ca = InterceptionCa.create();
 * SSLContext tls = ca.serverContext("example.org");
 * }</pre>
 */
public final class InterceptionCa {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final KeyPair leafKeys;
    private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();

    private InterceptionCa(KeyPair caKeys, X509Certificate caCert, KeyPair leafKeys) {
        this.caKeys = caKeys;
        this.caCert = caCert;
        this.leafKeys = leafKeys;
    }

    /** Makes a fresh CA (EC P-256) valid from one day ago for 30 days, and the key pair shared by its leaves. */
    public static InterceptionCa create() {
        try {
            KeyPair caKeys = newKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500NameBuilder().addRDN(BCStyle.CN, "Exhibit interception CA " + now.getEpochSecond())
                    .addRDN(BCStyle.O, "Exhibit (per run, never installed)").build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), name, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            return new InterceptionCa(caKeys, sign(b, caKeys), newKeyPair());
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot create the interception CA: " + e.getMessage(), e);
        }
    }

    /** The CA certificate (for a test client that must trust it, or for the record). */
    public X509Certificate certificate() {
        return caCert;
    }

    /**
     * Base64 SHA-256 of the SubjectPublicKeyInfo of the leaf key and of the CA, comma separated: the value of
     * Chromium's {@code --ignore-certificate-errors-spki-list}, which accepts a chain if any certificate in it matches.
     */
    public String spkiSha256Base64() {
        return spki(leafKeys.getPublic()) + "," + spki(caKeys.getPublic());
    }

    /** A TLS server context presenting a leaf for {@code host} (a DNS name or an IP literal) and this CA. */
    public SSLContext serverContext(String host) {
        return contexts.computeIfAbsent(host.toLowerCase(java.util.Locale.ROOT), this::newContext);
    }

    /** Issues a leaf certificate for a host: SAN dNSName, or iPAddress when the host is an IP literal. */
    public X509Certificate issue(String host) {
        try {
            Instant now = Instant.now();
            boolean ip = isIpLiteral(host);
            GeneralName san = ip ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
                    : new GeneralName(GeneralName.dNSName, host);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(29))),
                    new X500NameBuilder().addRDN(BCStyle.CN, host).build(), leafKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(leafKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            return sign(b, caKeys);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + host + ": " + e.getMessage(), e);
        }
    }

    private SSLContext newContext(String host) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = new char[0];
            ks.setKeyEntry("leaf", leafKeys.getPrivate(), pw, new X509Certificate[] {issue(host), caCert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, RANDOM);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a TLS context for " + host + ": " + e.getMessage(), e);
        }
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static String spki(PublicKey key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
