package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
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
        CarriedCertificates carried = CarriedCertificates.of(certificates(token));
        CarriedCertificates.Signer tsa = carried.signer(token.getSID());
        X509Certificate signer = tsa.cert();
        String who = "TSA certificate " + signer.getSubjectX500Principal().getName();
        checkTimeStampingUsage(signer, who);
        try {
            signer.checkValidity(Date.from(genTime));
            signer.checkValidity(Date.from(at));
        } catch (CertificateException e) {
            throw new TimestampException(who + " is not valid at " + when + ": valid from "
                    + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant());
        }
        checkSignature(token, tsa, who);
        List<String> warnings = new ArrayList<>();
        String untrusted = carried.chainProblem(tsa, at, anchors);
        if (untrusted != null) {
            warnings.add(who + " does not chain to a trust anchor: " + untrusted);
        }
        String policy = info.getPolicy().getId();
        if (TsaServer.POLICY.equals(policy) && untrusted != null) {
            // once its root is trusted (--trust), a self-run TSA is the authority the user chose: no warning
            warnings.add("token from an Exhibit self-run TSA (policy " + policy + "), not a public authority");
        }
        return new Result(token, genTime, policy, info.getSerialNumber(), info.getNonce(), signer,
                tsa.chain(), untrusted == null, List.copyOf(warnings));
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

    private static Collection<X509CertificateHolder> certificates(TimeStampToken token) throws TimestampException {
        try {
            return token.getCertificates().getMatches(null);
        } catch (RuntimeException e) {
            throw new TimestampException("token carries an unreadable certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The token's signature (and its ESSCertID binding to the signer's certificate), checked with the verifier kept
     * for the signer's key; one that refuses is asked again through the JDK's providers, whose verdict stands.
     */
    private static void checkSignature(TimeStampToken token, CarriedCertificates.Signer tsa, String who)
            throws TimestampException {
        try {
            token.validate(tsa.verifier());
        } catch (TSPException | RuntimeException first) {
            try {
                token.validate(CarriedCertificates.jdkVerifier(tsa.cert()));
            } catch (TSPException | OperatorCreationException e) {
                throw new TimestampException("token signature or its ESSCertID binding to " + who
                        + " does not verify: " + e.getMessage(), e);
            }
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
