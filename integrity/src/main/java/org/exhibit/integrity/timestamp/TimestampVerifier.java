package org.exhibit.integrity.timestamp;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampToken;
import org.exhibit.integrity.digest.Sha256;

/**
 * Checks a stored {@code .tsr} against the data it stamps, with the same checks {@link Timestamper} ran when the
 * token arrived (status, imprint, nonce, ESSCertID, critical timeStamping usage, validity at genTime, signature,
 * chain to an anchor).
 *
 * <pre>{@code
 * TimestampCheck check = new TimestampVerifier().verify(Files.readAllBytes(tsr),
 *         Sha256.of(Path.of("capture.json")).bytes(), null, TrustAnchors.jdkDefaults());
 * if (!check.ok()) System.out.println("capture.json.local.tsr: " + check.reason());
 * }</pre>
 */
public final class TimestampVerifier {
    /**
     * @param tsrDer                 the TimeStampResp as stored
     * @param expectedSha256         SHA-256 of the data the token must cover
     * @param expectedNonceOrNull    the nonce the request carried, when known
     * @param anchors                where the TSA chain may end
     */
    public TimestampCheck verify(byte[] tsrDer, byte[] expectedSha256, BigInteger expectedNonceOrNull,
                                 TrustAnchors anchors) {
        try {
            return check(TokenValidation.validate(TokenValidation.parse(tsrDer), expectedSha256,
                    expectedNonceOrNull, anchors));
        } catch (TimestampException e) {
            return TimestampCheck.failed(e.getMessage());
        } catch (RuntimeException e) {
            // Bouncy Castle throws IllegalArgumentException and friends on malformed DER inside a token
            return TimestampCheck.failed("malformed token: " + e);
        }
    }

    /**
     * Checks a bare token (as an RFC 4998 archive timestamp carries it) over an imprint of any algorithm, with its
     * TSA certificate and chain valid at {@code validAt} as well as at genTime: an archive timestamp must still
     * hold when the next one renews it.
     *
     * @param token     the TimeStampToken (CMS SignedData)
     * @param algorithm the imprint's digest algorithm
     * @param imprint   the digest the token must carry
     * @param validAt   when the TSA's certificate must (still) be valid
     */
    public TimestampCheck verifyToken(TimeStampToken token, ASN1ObjectIdentifier algorithm, byte[] imprint,
                                      Instant validAt, TrustAnchors anchors) {
        try {
            return check(TokenValidation.validate(token, algorithm, imprint, null, anchors, validAt));
        } catch (TimestampException e) {
            return TimestampCheck.failed(e.getMessage());
        } catch (RuntimeException e) {
            return TimestampCheck.failed("malformed token: " + e);
        }
    }

    private static TimestampCheck check(TokenValidation.Result r) throws TimestampException {
        try {
            return new TimestampCheck(true, "valid", r.genTime(), r.signer().getSubjectX500Principal().getName(),
                    Sha256.ofBytes(r.signer().getEncoded()).hex(), r.trusted(), r.warnings(), r.policy());
        } catch (CertificateEncodingException e) {
            throw new TimestampException("TSA certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
