package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * The CMS detached signature ({@code custody/manifest.json.p7s}) is valid for {@code custody/manifest.json}, made
 * by the certificate in {@code custody/investigator.pem}, whose fingerprint the manifest names. A signer outside
 * the trust list is a warning: the identity is then only as good as the bundle says.
 */
final class SignatureCheck {
    static final String NAME = "signature";

    private SignatureCheck() {
    }

    static List<Check> run(OpenBundle b, TrustAnchors anchors) {
        List<Check> out = new ArrayList<>();
        String p7s = BundleLayout.SIGNATURE;
        try {
            byte[] content = b.read(BundleLayout.CUSTODY_MANIFEST);
            byte[] signature = b.read(p7s);
            List<X509Certificate> chain = Certificates.parse(BundleLayout.INVESTIGATOR,
                    b.read(BundleLayout.INVESTIGATOR));
            X509Certificate signer = verify(content, signature, chain.get(0));
            CustodyManifest m = b.custodyManifest(NAME, out);
            String fingerprint = Certificates.fingerprint(signer);
            if (m != null && (m.investigator() == null || !fingerprint.equals(m.investigator().fingerprint()))) {
                out.add(Check.fail(NAME, BundleLayout.CUSTODY_MANIFEST, BundleLayout.CUSTODY_MANIFEST
                        + ": investigator fingerprint expected " + fingerprint + " (the signer), got "
                        + (m.investigator() == null ? "none" : m.investigator().fingerprint())));
                return out;
            }
            String who = PublicIdentity.of(chain).name();
            out.add(Check.pass(NAME, p7s, p7s + ": valid CMS signature over " + BundleLayout.CUSTODY_MANIFEST
                    + " by " + who));
            Instant at = m == null || m.sealedAt() == null ? Instant.now() : m.sealedAt();
            if (!Certificates.trusted(chain, anchors, at)) {
                out.add(Check.warn(NAME, BundleLayout.INVESTIGATOR, BundleLayout.INVESTIGATOR + ": investigator "
                        + "certificate " + fingerprint + " (" + who + ") is not in the trust list; pass --trust to "
                        + "rely on it"));
            }
        } catch (IOException | SignatureProblem e) {
            out.add(Check.fail(NAME, p7s, e.getMessage()));
        }
        return out;
    }

    private static X509Certificate verify(byte[] content, byte[] signature, X509Certificate investigator)
            throws SignatureProblem {
        String p7s = BundleLayout.SIGNATURE;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new SignatureProblem(p7s + ": expected one signer, got " + signers.size());
            }
            SignerInformation si = signers.iterator().next();
            if (!NISTObjectIdentifiers.id_sha256.getId().equals(si.getDigestAlgOID())) {
                throw new SignatureProblem(p7s + ": digest expected SHA-256, got " + si.getDigestAlgOID());
            }
            X509CertificateHolder holder = new X509CertificateHolder(investigator.getEncoded());
            if (!si.getSID().match(holder)) {
                throw new SignatureProblem(p7s + ": signed by a certificate other than "
                        + BundleLayout.INVESTIGATOR + "'s (" + investigator.getSubjectX500Principal().getName() + ")");
            }
            boolean valid = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            if (!valid) {
                throw new SignatureProblem(p7s + ": signature does not match " + BundleLayout.CUSTODY_MANIFEST
                        + " (the manifest or the signature was changed)");
            }
            return investigator;
        } catch (CMSException e) {
            throw new SignatureProblem(p7s + ": signature does not match " + BundleLayout.CUSTODY_MANIFEST
                    + " (the manifest or the signature changed): " + RecordCheck.firstLine(e.getMessage()));
        } catch (OperatorCreationException | IOException | java.security.cert.CertificateException e) {
            throw new SignatureProblem(p7s + ": cannot check: " + RecordCheck.firstLine(e.getMessage()));
        }
    }

    /** A signature that does not hold, with the one line to show. */
    private static final class SignatureProblem extends Exception {
        SignatureProblem(String message) {
            super(message);
        }
    }
}
