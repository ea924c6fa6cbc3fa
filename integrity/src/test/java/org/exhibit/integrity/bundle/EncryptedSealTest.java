package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.integrity.crypt.DecryptedBundle;
import org.exhibit.integrity.crypt.DecryptionKey;
import org.exhibit.integrity.crypt.Recipients;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.identity.OpenSslRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case sealed encrypted to the investigator's own certificate (ECDSA P-256, so ECDH) and a passphrase: no plain
 * ZIP is written, the bundle verifies read through its decryption, and openssl's decryption is the same ZIP, which
 * verifies as a file.
 */
class EncryptedSealTest {
    static final char[] PASSPHRASE = "bundle passphrase for the attorney".toCharArray();

    @TempDir
    Path dir;

    @Test
    void anEncryptedSealVerifiesDecryptedInPlaceAndOpensslOpensIt() throws Exception {
        try (SealedCase c = new SealedCase(dir).withEvidence()) {
            c.sealEncrypted(new Recipients(List.of(c.investigator.certificate()), PASSPHRASE));
            Path p7m = c.bundle.file();
            assertThat(p7m.getFileName().toString()).isEqualTo("2026-017-20261124T101500Z.zip.p7m");
            try (var files = Files.list(p7m.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("only the encrypted bundle, no plain ZIP, "
                        + "no scratch file").containsExactly("2026-017-20261124T101500Z.zip.p7m");
            }
            Verification v;
            try (DecryptedBundle b = DecryptedBundle.open(p7m, DecryptionKey.of(c.investigator.privateKey(),
                    c.investigator.certificate()), dir)) {
                assertThat(b.sha256()).isEqualTo(c.bundle.sha256());
                assertThat(b.size()).isEqualTo(c.bundle.size());
                v = new BundleVerifier(c.trust()).verify(b.name(), b.channel(), false, b.sha256().hex());
            }
            assertThat(v.outcome()).as(v.checks().toString()).isEqualTo(Verification.Outcome.VERIFIED);
            assertThat(v.bundle()).isEqualTo("2026-017-20261124T101500Z.zip");
            assertThat(v.bundleSha256()).isEqualTo(c.bundle.sha256().hex());

            Path zip = dir.resolve("2026-017-20261124T101500Z.zip");
            OpenSslRun r = OpenSslRun.in(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", p7m.toString(),
                    "-pwri_password", new String(PASSPHRASE), "-out", zip.toString());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(Sha256.of(zip)).isEqualTo(c.bundle.sha256());
            Verification plain = new BundleVerifier(c.trust()).verify(zip, false);
            assertThat(plain.outcome()).as(plain.checks().toString()).isEqualTo(Verification.Outcome.VERIFIED);
        }
    }
}
