package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle of format 1, sealed by an earlier Exhibit (src/test/resources/bundles/README.md), still verifies, with a
 * warning that says what its signature leaves unbound; {@code --strict} fails it; a changed byte still fails.
 */
class LegacyBundleTest {
    private static final String NAME = "format1-2026-017-20261124T101500Z.zip";

    private static Path resource(String name) throws Exception {
        return Path.of(Objects.requireNonNull(LegacyBundleTest.class.getResource("/bundles/" + name), name).toURI());
    }

    private static TrustAnchors trust() throws Exception {
        return TrustAnchors.fromPem(resource("format1-tsa-root.pem"), resource("format1-investigator.pem"));
    }

    @Test
    void aFormat1BundleVerifiesWithAWarningThatItPredatesTheTagManifestSignature() throws Exception {
        Verification v = new BundleVerifier(trust()).verify(resource(NAME), false);
        assertThat(v.failures()).isEmpty();
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(v.signer().trusted()).isTrue();
        assertThat(v.warnings()).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo("custody/manifest.json.p7s");
            assertThat(c.message()).contains("format 1 bundle", "seal the case again");
        });
        assertThat(new BundleVerifier(trust()).verify(resource(NAME), true).outcome())
                .isEqualTo(Verification.Outcome.FAILED);
    }

    @Test
    void aChangedByteInAFormat1BundleStillFails(@TempDir Path tmp) throws Exception {
        Path tampered = Tamper.rewrite(resource(NAME), tmp.resolve("t.zip"), Tamper.flip("data/files/0001/chat.png", -1));
        Verification v = new BundleVerifier(trust()).verify(tampered, false);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.failures()).anySatisfy(c -> assertThat(c.file()).isEqualTo("data/files/0001/chat.png"));
        Path resigned = Tamper.rewrite(resource(NAME), tmp.resolve("s.zip"), Tamper.flip("custody/manifest.json", -1));
        assertThat(new BundleVerifier(trust()).verify(resigned, false).failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("signature");
            assertThat(c.message()).contains("signature does not match custody/manifest.json");
        });
        assertThat(Files.size(resource(NAME))).isPositive();
    }
}
