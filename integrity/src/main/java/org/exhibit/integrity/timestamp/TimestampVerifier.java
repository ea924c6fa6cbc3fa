package org.exhibit.integrity.timestamp;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
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
            TokenValidation.Result r = TokenValidation.validate(TokenValidation.parse(tsrDer), expectedSha256,
                    expectedNonceOrNull, anchors);
            return new TimestampCheck(true, "valid", r.genTime(), r.signer().getSubjectX500Principal().getName(),
                    Sha256.ofBytes(r.signer().getEncoded()).hex(), r.trusted(), r.warnings(), r.policy());
        } catch (TimestampException e) {
            return TimestampCheck.failed(e.getMessage());
        } catch (CertificateEncodingException e) {
            return TimestampCheck.failed("TSA certificate cannot be encoded: " + e.getMessage());
        } catch (RuntimeException e) {
            // Bouncy Castle throws IllegalArgumentException and friends on malformed DER inside a token
            return TimestampCheck.failed("malformed token: " + e);
        }
    }
}
