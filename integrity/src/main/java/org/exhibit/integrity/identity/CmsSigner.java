package org.exhibit.integrity.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Detached CMS signatures, streaming the content once through the digest. */
final class CmsSigner {
    static final Provider BC = new BouncyCastleProvider();

    private CmsSigner() {
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("expected an EC or RSA key, got " + key.getAlgorithm());
        };
    }

    static byte[] signDetached(PrivateKey key, List<X509Certificate> chain, InputStream content) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(key)).setProvider(BC).build(key);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()).build(signer, chain.get(0)));
            gen.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = gen.generate(new StreamedContent(content), false);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot set up CMS signing with " + key.getAlgorithm() + " key", e);
        } catch (CMSException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("CMS signing failed: " + e.getMessage(), e);
        }
    }

    /** Content that is read once, straight into the digest: the signature is detached, so it is never stored. */
    private record StreamedContent(InputStream in) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
