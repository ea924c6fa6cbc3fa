package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The warnings a court reads about a site's certificate: each kind of fault named, none invented. */
class ChainCheckTest {
    final ChainCheck check = new ChainCheck();

    @Test
    void expiredSelfSignedCertificateIsNamedAsBoth() throws Exception {
        Instant now = Instant.now();
        X509Certificate c = cert("site.example", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        assertThat(check.warnings(new X509Certificate[] {c}, "site.example"))
                .anySatisfy(w -> assertThat(w).startsWith("certificate expired on "))
                .anySatisfy(w -> assertThat(w).startsWith("self-signed certificate: CN=site.example"));
    }

    @Test
    void wrongNameIsNamedWithTheNamesTheCertificateHas() throws Exception {
        Instant now = Instant.now();
        X509Certificate c = cert("other.example", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        assertThat(check.warnings(new X509Certificate[] {c}, "site.example"))
                .contains("certificate does not name site.example: it names other.example");
    }

    @Test
    void wildcardMatchesOneLabelOnly() throws Exception {
        Instant now = Instant.now();
        X509Certificate c = cert("*.example.org", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        assertThat(ChainCheck.matchesHost(c, "www.example.org")).isTrue();
        assertThat(ChainCheck.matchesHost(c, "a.b.example.org")).isFalse();
        assertThat(ChainCheck.matchesHost(c, "example.org")).isFalse();
    }

    @Test
    void validNamesButUnknownIssuerIsReportedAsNotTrusted() throws Exception {
        InterceptionCa ca = InterceptionCa.create();
        assertThat(check.warnings(new X509Certificate[] {ca.issue("site.example"), ca.certificate()}, "site.example"))
                .singleElement().satisfies(w -> assertThat(w).startsWith("certificate not trusted by the JVM's trust anchors"));
    }

    private static X509Certificate cert(String dns, Instant from, Instant to) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        X500Name name = new X500Name("CN=" + dns);
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(from), Date.from(to), name, keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
