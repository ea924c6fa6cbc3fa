package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens from a TSA we did not write (openssl ts -reply) are accepted and verified. */
class IndependentTsaTest {
    @TempDir
    Path dir;

    @Test
    void tokensFromOpensslTsReplyAreAcceptedAndVerify() throws Exception {
        try (OpensslTsa tsa = new OpensslTsa(dir.resolve("openssl-tsa"))) {
            Path data = Files.writeString(dir.resolve("item.json"), "{\"id\":\"0003\"}\n");
            byte[] digest = Sha256.of(data).bytes();
            TrustAnchors anchors = TrustAnchors.fromPem(tsa.caPem());

            StampedToken token = new Timestamper(List.of(tsa.endpoint()), anchors).stamp(digest);

            assertThat(token.tsa().name()).isEqualTo("openssl-tsa");
            assertThat(token.trusted()).isTrue();
            assertThat(token.warnings()).isEmpty();
            assertThat(token.policy()).isEqualTo(OpensslTsa.POLICY);
            assertThat(token.serial()).as("the serial openssl recorded")
                    .isEqualTo(new java.math.BigInteger(Files.readString(tsa.serialFile()).trim(), 16));
            assertThat(token.genTime()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
            assertThat(token.clockOffset().abs()).isLessThan(Duration.ofSeconds(5));
            assertThat(token.tsaChain()).hasSize(2);
            assertThat(token.tsaChain().get(0)).isEqualTo(TrustAnchors.fromPem(tsa.tsaPem()).certificates().get(0));
            assertThat(token.tsaChain().get(1)).isEqualTo(anchors.certificates().get(0));

            TimestampCheck check = new TimestampVerifier().verify(token.response(), digest, token.nonce(), anchors);
            assertThat(check.ok()).as(check.reason()).isTrue();
            assertThat(check.trusted()).isTrue();
            assertThat(check.tsaSubject()).contains("CN=Independent Test TSA");
            assertThat(check.genTime()).isEqualTo(token.genTime());

            Path tsr = Files.write(dir.resolve("item.json.openssl-tsa.tsr"), token.response());
            assertThat(Openssl.ok(dir, "ts", "-verify", "-data", data.toString(), "-in", tsr.toString(),
                    "-CAfile", tsa.caPem().toString(), "-untrusted", tsa.tsaPem().toString()))
                    .contains("Verification: OK");
        }
    }

    @Test
    void anIndependentTsaOutsideTheTrustAnchorsIsAcceptedWithAWarning() throws Exception {
        try (OpensslTsa tsa = new OpensslTsa(dir.resolve("openssl-tsa"))) {
            byte[] digest = Sha256.ofBytes("chat export".getBytes()).bytes();
            StampedToken token = new Timestamper(List.of(tsa.endpoint()), TrustAnchors.jdkDefaults()).stamp(digest);
            assertThat(token.trusted()).isFalse();
            assertThat(token.warnings()).singleElement().asString()
                    .startsWith("TSA certificate CN=Independent Test TSA,O=Independent Test does not chain to a trust anchor");

            TimestampCheck check = new TimestampVerifier().verify(token.response(), digest, null, TrustAnchors.jdkDefaults());
            assertThat(check.ok()).as(check.reason()).isTrue();
            assertThat(check.trusted()).isFalse();
            assertThat(check.warnings()).hasSize(1);
        }
    }
}
