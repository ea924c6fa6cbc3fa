package org.exhibit.integrity.timestamp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A validated RFC 3161 answer, as kept beside the record it stamps.
 *
 * @param tsa         who answered
 * @param response    the DER TimeStampResp exactly as received (what {@code .tsr} files hold)
 * @param genTime     the TSA's time
 * @param policy      TSA policy OID
 * @param serial      token serial number
 * @param nonce       the nonce we sent (and that the token echoes)
 * @param clockOffset local clock at receipt minus genTime
 * @param tsaChain    the TSA certificate chain carried in the token, signer first
 * @param trusted     whether the chain reaches one of the {@link TrustAnchors} at genTime
 * @param warnings    what holds but deserves a look (untrusted chain, a self-run TSA); one line each
 */
public record StampedToken(TsaEndpoint tsa, byte[] response, Instant genTime, String policy, BigInteger serial,
                           BigInteger nonce, Duration clockOffset, List<X509Certificate> tsaChain,
                           boolean trusted, List<String> warnings) {
    public StampedToken {
        tsaChain = List.copyOf(tsaChain);
        warnings = List.copyOf(warnings);
    }

    /** {@link #tsaChain()} as PEM text, signer first: what {@code custody/tsa/<name>.pem} holds. */
    public String tsaChainPem() {
        return TsaCertificates.pem(tsaChain.toArray(X509Certificate[]::new));
    }
}
