package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.security.cert.CertificateException;
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
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * The investigator's CMS detached signature is valid, made by the certificate in {@code custody/investigator.pem},
 * whose fingerprint {@code custody/manifest.json} names. Format 2 signs {@code tagmanifest-sha256.txt}, which lists
 * every other file outside {@code data/}; format 1 signed {@code custody/manifest.json} alone (a warning says what
 * that leaves unbound). With {@code --trust}, a signer outside the trust list fails; without it, the signer is
 * unverified (a warning), since anyone can make a key pair with any name.
 */
final class SignatureCheck {
    static final String NAME = "signature";

    private SignatureCheck() {
    }

    /**
     * @param given the certificates the user said to trust ({@code --trust}); empty when none was given
     */
    static List<Check> run(OpenBundle b, TrustAnchors given) {
        List<Check> out = new ArrayList<>();
        CustodyManifest m = b.custodyManifest(NAME, out);
        boolean legacy = m != null && m.format() == BundleLayout.LEGACY_FORMAT;
        String p7s = legacy ? BundleLayout.LEGACY_SIGNATURE : BundleLayout.TAG_SIGNATURE;
        String signed = legacy ? BundleLayout.CUSTODY_MANIFEST : BundleLayout.TAG_MANIFEST;
        try {
            byte[] content = b.read(signed);
            byte[] signature = b.read(p7s);
            List<X509Certificate> chain = Certificates.parse(BundleLayout.INVESTIGATOR,
                    b.read(BundleLayout.INVESTIGATOR));
            X509Certificate signer = verify(p7s, signed, content, signature, chain);
            String fingerprint = Certificates.fingerprint(signer);
            if (m != null && (m.investigator() == null || !fingerprint.equals(m.investigator().fingerprint()))) {
                out.add(Check.fail(NAME, Reason.SIGNER_NOT_INVESTIGATOR, BundleLayout.CUSTODY_MANIFEST, BundleLayout.CUSTODY_MANIFEST
                        + ": investigator fingerprint expected " + fingerprint + " (the signer), got "
                        + (m.investigator() == null ? "none" : m.investigator().fingerprint())));
                return out;
            }
            String who = PublicIdentity.of(chain).name();
            b.signer(new Signer(who, fingerprint, false));
            out.add(Check.pass(NAME, p7s, p7s + ": valid CMS signature over " + signed + " by " + who
                    + " (certificate SHA-256 " + fingerprint + ")"));
            if (legacy) {
                out.add(Check.warn(NAME, Reason.LEGACY_FORMAT, p7s, p7s + ": format 1 bundle: the signature covers "
                        + BundleLayout.CUSTODY_MANIFEST + " only, so VERIFY.txt, bag-info.txt, custody/tsa/*.pem and "
                        + "the choice of the manifest's timestamp tokens rest on " + BundleLayout.TAG_MANIFEST
                        + " alone, which anyone can recompute; seal the case again with this version to bind them"));
            }
            Instant at = m == null || m.sealedAt() == null ? Instant.now() : m.sealedAt();
            if (given.isEmpty()) {
                out.add(Check.warn(NAME, Reason.SIGNER_UNVERIFIED, BundleLayout.INVESTIGATOR, BundleLayout.INVESTIGATOR + ": signer " + who
                        + " (certificate SHA-256 " + fingerprint + ") is unverified: no --trust given, and anyone can "
                        + "make a key with any name; compare the fingerprint with one you obtained from the "
                        + "investigator, then pass their certificate with --trust"));
            } else if (!Certificates.trusted(chain, given, at)) {
                out.add(Check.fail(NAME, Reason.SIGNER_UNTRUSTED, BundleLayout.INVESTIGATOR, BundleLayout.INVESTIGATOR + ": signer " + who
                        + " (certificate SHA-256 " + fingerprint + ") is not in the trust list (--trust): the bundle "
                        + "was not sealed by an investigator you trust"));
            } else {
                b.signer(new Signer(who, fingerprint, true));
            }
        } catch (IOException | SignatureProblem e) {
            out.add(Check.fail(NAME, e instanceof IOException && !b.has(p7s) ? Reason.MISSING : Reason.SIGNATURE_INVALID, p7s,
                    e.getMessage()));
        }
        return out;
    }

    private static X509Certificate verify(String p7s, String signedFile, byte[] content, byte[] signature,
                                          List<X509Certificate> chain) throws SignatureProblem {
        X509Certificate investigator = chain.get(0);
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            for (X509CertificateHolder carried : signed.getCertificates().getMatches(null)) {
                if (chain.stream().noneMatch(c -> encoded(c).equals(carried))) {
                    throw new SignatureProblem(p7s + ": carries certificates other than " + BundleLayout.INVESTIGATOR
                            + "'s (" + carried.getSubject() + "); the signature file was changed");
                }
            }
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
                throw new SignatureProblem(p7s + ": signature does not match " + signedFile
                        + " (the file or the signature was changed)");
            }
            return investigator;
        } catch (CMSException e) {
            throw new SignatureProblem(p7s + ": signature does not match " + signedFile
                    + " (the file or the signature changed): " + RecordCheck.firstLine(e.getMessage()));
        } catch (OperatorCreationException | IOException | CertificateException | RuntimeException e) {
            // Bouncy Castle throws IllegalArgumentException and friends on malformed DER
            throw new SignatureProblem(p7s + ": not a readable CMS signature: " + RecordCheck.firstLine(
                    String.valueOf(e.getMessage())));
        }
    }

    private static X509CertificateHolder encoded(X509Certificate c) {
        try {
            return new X509CertificateHolder(c.getEncoded());
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot encode " + c.getSubjectX500Principal(), e);
        }
    }

    /** A signature that does not hold, with the one line to show. */
    private static final class SignatureProblem extends Exception {
        SignatureProblem(String message) {
            super(message);
        }
    }
}
