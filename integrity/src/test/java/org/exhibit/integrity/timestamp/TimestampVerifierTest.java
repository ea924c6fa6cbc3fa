package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tsp.TimeStampResponse;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code exhibit verify} relies on: a stored .tsr checked against its data, years later. */
class TimestampVerifierTest {
    private static final byte[] DATA = Sha256.ofBytes("{\"id\":\"0001\"}\n".getBytes()).bytes();

    @TempDir
    Path home;
    private LocalTsa tsa;
    private StampedToken token;
    private final TimestampVerifier verifier = new TimestampVerifier();

    @BeforeEach
    void stamp() throws Exception {
        tsa = LocalTsa.open(home.resolve("tsa"));
        try (TsaServer server = TsaServer.start(tsa, 0)) {
            token = new Timestamper(List.of(server.endpoint()), TrustAnchors.none()).stamp(DATA);
        }
    }

    @Test
    void aStoredTokenVerifiesAgainstItsDataAndTheLocalRoot() throws Exception {
        TimestampCheck check = verifier.verify(token.response(), DATA, token.nonce(), TrustAnchors.fromPem(tsa.rootPem()));
        assertThat(check.ok()).isTrue();
        assertThat(check.reason()).isEqualTo("valid");
        assertThat(check.trusted()).isTrue();
        assertThat(check.genTime()).isEqualTo(token.genTime());
        assertThat(check.tsaSubject()).isEqualTo(tsa.certificate().getSubjectX500Principal().getName());
        assertThat(check.tsaFingerprint()).isEqualTo(Sha256.ofBytes(tsa.certificate().getEncoded()).hex());
        // its root is trusted: the self-run TSA is the authority the user chose, nothing to warn about
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void withoutTheLocalRootTheTokenHoldsButIsUntrustedWithAWarning() {
        TimestampCheck check = verifier.verify(token.response(), DATA, null, TrustAnchors.jdkDefaults());
        assertThat(check.ok()).isTrue();
        assertThat(check.trusted()).isFalse();
        assertThat(check.warnings()).anyMatch(w -> w.startsWith("TSA certificate "
                + tsa.certificate().getSubjectX500Principal().getName() + " does not chain to a trust anchor"));
        assertThat(check.warnings()).contains(
                "token from an Exhibit self-run TSA (policy " + TsaServer.POLICY + "), not a public authority");
    }

    @Test
    void aTokenOverOtherDataFailsNamingBothDigests() {
        byte[] other = Sha256.ofBytes("{\"id\":\"0002\"}\n".getBytes()).bytes();
        TimestampCheck check = verifier.verify(token.response(), other, null, TrustAnchors.none());
        assertThat(check.ok()).isFalse();
        assertThat(check.reason()).isEqualTo("message imprint does not match the data: expected "
                + Sha256.of(other).hex() + ", got " + Sha256.of(DATA).hex());
    }

    @Test
    void anotherNonceThanTheRequestsFails() {
        TimestampCheck check = verifier.verify(token.response(), DATA, token.nonce().add(BigInteger.ONE), TrustAnchors.none());
        assertThat(check.ok()).isFalse();
        assertThat(check.reason()).isEqualTo("nonce does not match the request: expected "
                + token.nonce().add(BigInteger.ONE).toString(16) + ", got " + token.nonce().toString(16));
    }

    @Test
    void garbledBytesFailAsNotATimeStampResponse() {
        TimestampCheck check = verifier.verify("<html>502 Bad Gateway</html>".getBytes(), DATA, null, TrustAnchors.none());
        assertThat(check.ok()).isFalse();
        assertThat(check.reason()).startsWith("not an RFC 3161 time-stamp response (28 bytes starting 3c68746d6c3e3530)");
        assertThat(check.genTime()).isNull();
    }

    @Test
    void aTokenFromACertificateWithoutTheCriticalUsageFails() throws Exception {
        ForgedTsa forged = new ForgedTsa(new ForgedTsa.Options(false, true, Duration.ZERO, false));
        TimestampCheck check = verifier.verify(forged.token(DATA, null), DATA, null, TrustAnchors.none().with(forged.root));
        assertThat(check.ok()).isFalse();
        assertThat(check.reason()).contains("expected a critical extended key usage of only id-kp-timeStamping");
    }

    @Test
    void aChainWorkedOutOnceStillDecidesByTheAnchorsAndCertificatesOfEachToken() throws Exception {
        // the TSA's certificates are worked out once per distinct set and reused: a chain that held for one token
        // must not make another TSA's, or the same one under other anchors, hold too
        LocalTsa other = LocalTsa.open(home.resolve("other-tsa"));
        StampedToken otherToken;
        try (TsaServer server = TsaServer.start(other, 0)) {
            otherToken = new Timestamper(List.of(server.endpoint()), TrustAnchors.none()).stamp(DATA);
        }
        TrustAnchors mine = TrustAnchors.fromPem(tsa.rootPem());
        assertThat(verifier.verify(token.response(), DATA, null, mine).trusted()).isTrue();
        TimestampCheck foreign = verifier.verify(otherToken.response(), DATA, null, mine);
        assertThat(foreign.ok()).isTrue();
        assertThat(foreign.trusted()).as("another TSA's chain, after a trusted one").isFalse();
        assertThat(foreign.warnings()).anyMatch(w -> w.contains("does not chain to a trust anchor"));
        assertThat(verifier.verify(token.response(), DATA, null, TrustAnchors.jdkDefaults()).trusted())
                .as("the same token under anchors without its root").isFalse();
        assertThat(verifier.verify(token.response(), DATA, null, mine).trusted()).isTrue();
    }

    @Test
    void everySingleByteChangeOfTheSignedTimeStampInfoFails() throws Exception {
        byte[] tsr = token.response();
        // the untampered token first: each tampered one below meets the TSA's verifier already worked out
        assertThat(verifier.verify(tsr, DATA, null, TrustAnchors.none().with(tsa.root())).ok()).isTrue();
        byte[] info = new TimeStampResponse(tsr).getTimeStampToken().getTimeStampInfo().getEncoded();
        int at = indexOf(tsr, info);
        assertThat(at).as("TSTInfo found inside the response").isPositive();
        for (int i = at; i < at + info.length; i++) {
            byte[] tampered = tsr.clone();
            tampered[i] ^= 0x01;
            TimestampCheck check = verifier.verify(tampered, DATA, null, TrustAnchors.none().with(tsa.root()));
            assertThat(check.ok()).as("byte %d of the TSTInfo flipped: %s", i - at, check.reason()).isFalse();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
