package org.exhibit.integrity.timestamp;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.exhibit.integrity.digest.Sha256;

/**
 * Builds RFC 3161 responses by hand (the CMS SignedData over a TSTInfo), for what BC's generator refuses to make:
 * a TSA certificate without the critical timeStamping usage, a genTime outside the certificate, a signature by the
 * wrong key. With {@code Options.honest()} the result is a valid token, which shows the forgery is otherwise sound.
 */
final class ForgedTsa {
    record Options(boolean criticalEku, boolean withEku, Duration genTimeShift, boolean signWithOtherKey) {
        static Options honest() {
            return new Options(true, true, Duration.ZERO, false);
        }
    }

    final X509Certificate root;
    final X509Certificate tsa;
    private final PrivateKey tsaKey;
    private final PrivateKey otherKey;
    private final Options options;
    private long serial;

    ForgedTsa(Options options) throws Exception {
        this.options = options;
        KeyPair rootKeys = TsaCertificates.ecKeyPair();
        KeyPair tsaKeys = TsaCertificates.ecKeyPair();
        Instant now = Instant.now();
        X500Name rootName = new X500Name("CN=Forged Test Root");
        root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(rootName,
                BigInteger.ONE, Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)), rootName,
                rootKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
        var builder = new JcaX509v3CertificateBuilder(root, BigInteger.TWO, Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86400)), new X500Name("CN=Forged Test TSA"), tsaKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (options.withEku()) {
            builder.addExtension(Extension.extendedKeyUsage, options.criticalEku(),
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        tsa = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
        tsaKey = tsaKeys.getPrivate();
        otherKey = TsaCertificates.ecKeyPair().getPrivate();
    }

    LoopbackServer.Reply answer(byte[] query) throws Exception {
        TimeStampRequest request = new TimeStampRequest(query);
        return LoopbackServer.Reply.tsr(token(request.getMessageImprintDigest(), request.getNonce()));
    }

    byte[] token(byte[] sha256, BigInteger nonce) throws Exception {
        Date genTime = Date.from(Instant.now().plus(options.genTimeShift()));
        TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.9"),
                new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), sha256),
                new ASN1Integer(++serial), new ASN1GeneralizedTime(genTime),
                null, ASN1Boolean.FALSE, nonce == null ? null : new ASN1Integer(nonce), null, null);
        ESSCertIDv2 certId = new ESSCertIDv2(Sha256.ofBytes(tsa.getEncoded()).bytes(),
                new IssuerSerial(new GeneralNames(new GeneralName(X500Name.getInstance(
                        tsa.getIssuerX500Principal().getEncoded()))), tsa.getSerialNumber()));
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(certId)));
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                        new AttributeTable(attributes(signingCertificate, signingTime(genTime)))))
                .build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build(options.signWithOtherKey() ? otherKey : tsaKey), tsa));
        cms.addCertificates(new JcaCertStore(List.of(tsa, root)));
        ContentInfo signed = cms.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded(ASN1Encoding.DER)), true).toASN1Structure();
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), signed).getEncoded(ASN1Encoding.DER);
    }

    private static ASN1EncodableVector attributes(Attribute... attributes) {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.addAll(attributes);
        return vector;
    }

    /** A signing time equal to genTime, as a TSA whose clock is off would write it (Bouncy Castle checks they agree). */
    private static Attribute signingTime(Date genTime) {
        return new Attribute(CMSAttributes.signingTime, new DERSet(new Time(genTime)));
    }
}
