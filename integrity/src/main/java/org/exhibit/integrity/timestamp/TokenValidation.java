package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The one validation path for a time-stamp response, used by {@link Timestamper} right after the exchange and by
 * {@link TimestampVerifier} years later. A failed check throws a {@link TimestampException} whose message is the
 * one-line reason; a chain that ends nowhere trusted is a warning, not a failure.
 */
final class TokenValidation {
    static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final HexFormat HEX = HexFormat.of();

    /** What a valid token says. {@code chain} is the token's certificates from the signer up, signer first. */
    record Result(TimeStampToken token, Instant genTime, String policy, BigInteger serial, BigInteger nonce,
                  X509Certificate signer, List<X509Certificate> chain, boolean trusted, List<String> warnings) {
    }

    private TokenValidation() {
    }

    static TimeStampResponse parse(byte[] der) throws TimestampException {
        try {
            return new TimeStampResponse(der);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException("not an RFC 3161 time-stamp response (" + der.length + " bytes starting "
                    + HEX.formatHex(der, 0, Math.min(8, der.length)) + "): " + e.getMessage(), e);
        }
    }

    static Result validate(TimeStampResponse response, byte[] expectedSha256, BigInteger expectedNonce,
                           TrustAnchors anchors) throws TimestampException {
        return validate(granted(response), NISTObjectIdentifiers.id_sha256, expectedSha256, expectedNonce, anchors,
                null);
    }

    /**
     * @param algorithm the imprint algorithm the token must use
     * @param validAt   when the TSA certificate and its chain must be valid; null for the token's genTime
     */
    static Result validate(TimeStampToken token, ASN1ObjectIdentifier algorithm, byte[] expectedImprint,
                           BigInteger expectedNonce, TrustAnchors anchors, Instant validAt) throws TimestampException {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!algorithm.equals(info.getMessageImprintAlgOID())) {
            throw new TimestampException("message imprint algorithm: expected " + algorithm + ", got "
                    + info.getMessageImprintAlgOID());
        }
        if (!MessageDigest.isEqual(expectedImprint, info.getMessageImprintDigest())) {
            throw new TimestampException("message imprint does not match the data: expected "
                    + HEX.formatHex(expectedImprint) + ", got " + HEX.formatHex(info.getMessageImprintDigest()));
        }
        if (expectedNonce != null && !expectedNonce.equals(info.getNonce())) {
            throw new TimestampException("nonce does not match the request: expected " + expectedNonce.toString(16)
                    + ", got " + (info.getNonce() == null ? "none" : info.getNonce().toString(16)));
        }
        Instant genTime = info.getGenTime().toInstant();
        Instant at = validAt == null ? genTime : validAt;
        String when = validAt == null ? "genTime " + genTime : at.toString();
        List<X509Certificate> certs = certificates(token);
        X509Certificate signer = signer(token, certs);
        String who = "TSA certificate " + signer.getSubjectX500Principal().getName();
        checkTimeStampingUsage(signer, who);
        try {
            signer.checkValidity(Date.from(genTime));
            signer.checkValidity(Date.from(at));
        } catch (CertificateException e) {
            throw new TimestampException(who + " is not valid at " + when + ": valid from "
                    + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant());
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException e) {
            throw new TimestampException("token signature or its ESSCertID binding to " + who
                    + " does not verify: " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        String untrusted = chainProblem(signer, certs, at, anchors);
        if (untrusted != null) {
            warnings.add(who + " does not chain to a trust anchor: " + untrusted);
        }
        String policy = info.getPolicy().getId();
        if (TsaServer.POLICY.equals(policy) && untrusted != null) {
            // once its root is trusted (--trust), a self-run TSA is the authority the user chose: no warning
            warnings.add("token from an Exhibit self-run TSA (policy " + policy + "), not a public authority");
        }
        return new Result(token, genTime, policy, info.getSerialNumber(), info.getNonce(), signer,
                chain(signer, certs), untrusted == null, List.copyOf(warnings));
    }

    static TimeStampToken granted(TimeStampResponse response) throws TimestampException {
        int status = response.getStatus();
        if (status != 0 && status != 1) {
            throw new TimestampException("TSA refused: status " + TsaStatus.describe(response));
        }
        if (response.getTimeStampToken() == null) {
            throw new TimestampException("TSA granted the request but sent no token");
        }
        return response.getTimeStampToken();
    }

    static void checkTimeStampingUsage(X509Certificate cert, String who) throws TimestampException {
        List<String> eku;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (CertificateException e) {
            throw new TimestampException(who + " has an unreadable extended key usage: " + e.getMessage(), e);
        }
        boolean critical = cert.getCriticalExtensionOIDs() != null
                && cert.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE);
        if (eku == null || !critical || !eku.equals(List.of(TIME_STAMPING))) {
            throw new TimestampException(who + ": expected a critical extended key usage of only id-kp-timeStamping ("
                    + TIME_STAMPING + "), got " + (eku == null ? "none" : (critical ? "critical " : "non-critical ") + eku));
        }
    }

    private static List<X509Certificate> certificates(TimeStampToken token) throws TimestampException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                certs.add(converter.getCertificate(holder));
            }
        } catch (CertificateException e) {
            throw new TimestampException("token carries an unreadable certificate: " + e.getMessage(), e);
        }
        return certs;
    }

    private static X509Certificate signer(TimeStampToken token, List<X509Certificate> certs) throws TimestampException {
        var sid = token.getSID();
        for (X509Certificate cert : certs) {
            try {
                if (sid.match(new X509CertificateHolder(cert.getEncoded()))) {
                    return cert;
                }
            } catch (IOException | CertificateException e) {
                throw new TimestampException("token carries an unreadable certificate: " + e.getMessage(), e);
            }
        }
        throw new TimestampException("token carries no TSA certificate (expected the signer's certificate, got "
                + certs.size() + " others): request it with certReq");
    }

    /** Null when the signer chains to an anchor at genTime, else why not. */
    private static String chainProblem(X509Certificate signer, List<X509Certificate> certs, Instant genTime,
                                       TrustAnchors anchors) {
        if (anchors.contains(signer)) {
            return null;
        }
        if (anchors.isEmpty()) {
            return "no trust anchors given";
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors.pkix(), target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(genTime));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certs)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (GeneralSecurityException e) {
            return e.getMessage();
        }
    }

    /** The token's certificates from the signer up to the last issuer it carries, signer first. */
    static List<X509Certificate> chain(X509Certificate signer, List<X509Certificate> certs) {
        List<X509Certificate> chain = new ArrayList<>(List.of(signer));
        X509Certificate current = signer;
        while (chain.size() < 10 && !current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
            X509Certificate issuer = issuerOf(current, certs);
            if (issuer == null || chain.contains(issuer)) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return List.copyOf(chain);
    }

    private static X509Certificate issuerOf(X509Certificate cert, List<X509Certificate> certs) {
        for (X509Certificate candidate : certs) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key: keep looking
                }
            }
        }
        return null;
    }
}
