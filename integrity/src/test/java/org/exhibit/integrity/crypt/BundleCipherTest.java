package org.exhibit.integrity.crypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.identity.OpenSslRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted bundles with real keys: RSA and EC certificates made by openssl, the investigator's own identity
 * (ECDSA P-256), a passphrase; openssl cms as the independent tool in both directions.
 */
class BundleCipherTest {
    static final char[] PASSPHRASE = "a long bundle passphrase".toCharArray();

    @TempDir
    static Path keysDir;
    static Keys rsa;
    static Keys ec;
    static Keys stranger;
    static Identity investigator;
    static byte[] plain;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        rsa = Keys.make(keysDir, "attorney", "rsa");
        ec = Keys.make(keysDir, "victim", "ec");
        stranger = Keys.make(keysDir, "stranger", "rsa");
        investigator = new IdentityStore(keysDir.resolve("home")).create("Dana Reyes", null, null,
                "identity passphrase".toCharArray(), false);
        plain = new byte[300_000];
        new Random(7).nextBytes(plain);
    }

    private static byte[] encrypt(Recipients to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleCipher.encrypt(new ByteArrayInputStream(plain), out, to);
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] enc, DecryptionKey key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleCipher.decrypt(new ByteArrayInputStream(enc), out, key, "B.zip.p7m");
        return out.toByteArray();
    }

    @Test
    void everyRecipientOpensTheSameBundle() throws Exception {
        byte[] enc = encrypt(new Recipients(List.of(rsa.certificate(), ec.certificate(), investigator.certificate()),
                PASSPHRASE));
        assertThat(BundleCipher.looksEncrypted(enc)).isTrue();
        assertThat(decrypt(enc, rsa.decryptionKey())).isEqualTo(plain);
        assertThat(decrypt(enc, ec.decryptionKey())).isEqualTo(plain);
        assertThat(decrypt(enc, DecryptionKey.of(investigator.privateKey(), investigator.certificate())))
                .isEqualTo(plain);
        assertThat(decrypt(enc, DecryptionKey.ofPassphrase(PASSPHRASE))).isEqualTo(plain);
        Path file = Files.write(dir.resolve("B.zip.p7m"), enc);
        Envelope envelope = Envelope.read(file);
        assertThat(envelope.passphrase()).isTrue();
        assertThat(envelope.encryptedTo(investigator.certificate())).isTrue();
        assertThat(envelope.encryptedTo(stranger.certificate())).isFalse();
        assertThat(envelope.describe()).hasSize(4);
    }

    @Test
    void opensslDecryptsWhatExhibitWrote() throws Exception {
        Path in = Files.write(dir.resolve("B.zip.p7m"), encrypt(new Recipients(List.of(rsa.certificate(),
                ec.certificate()), PASSPHRASE)));
        for (Keys k : List.of(rsa, ec)) {
            Path out = dir.resolve(k.cert().getFileName() + ".zip");
            OpenSslRun r = OpenSslRun.in(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", in.toString(),
                    "-recip", k.cert().toString(), "-inkey", k.key().toString(), "-out", out.toString());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(Files.readAllBytes(out)).isEqualTo(plain);
        }
        Path out = dir.resolve("pw.zip");
        OpenSslRun r = OpenSslRun.in(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", in.toString(),
                "-pwri_password", new String(PASSPHRASE), "-out", out.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(plain);
        OpenSslRun print = OpenSslRun.in(dir, "cms", "-cmsout", "-print", "-inform", "DER", "-in", in.toString());
        assertThat(print.output()).contains("id-smime-ct-authEnvelopedData", "aes-256-gcm", "rsaesOaep",
                "dhSinglePass-stdDH-sha256kdf-scheme", "id-alg-PWRI-KEK");
    }

    @Test
    void exhibitDecryptsWhatOpensslWrote() throws Exception {
        Path in = Files.write(dir.resolve("B.zip"), plain);
        for (Keys k : List.of(rsa, ec)) {
            Path enc = dir.resolve(k.cert().getFileName() + ".p7m");
            OpenSslRun r = OpenSslRun.in(dir, "cms", "-encrypt", "-binary", "-aes-256-gcm", "-outform", "DER",
                    "-in", in.toString(), "-out", enc.toString(), k.cert().toString());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(decrypt(Files.readAllBytes(enc), k.decryptionKey())).isEqualTo(plain);
        }
    }

    @Test
    void theWrongKeyOrPassphraseIsRefusedByName() throws Exception {
        byte[] enc = encrypt(new Recipients(List.of(rsa.certificate()), PASSPHRASE));
        assertThatThrownBy(() -> decrypt(enc, stranger.decryptionKey()))
                .isInstanceOfSatisfying(DecryptionException.class,
                        e -> assertThat(e.kind()).isEqualTo(DecryptionException.Kind.WRONG_KEY))
                .hasMessageContaining("B.zip.p7m: not encrypted to the key of CN=stranger")
                .hasMessageContaining("a passphrase");
        assertThatThrownBy(() -> decrypt(enc, DecryptionKey.ofPassphrase("wrong".toCharArray())))
                .isInstanceOfSatisfying(DecryptionException.class,
                        e -> assertThat(e.kind()).isEqualTo(DecryptionException.Kind.WRONG_KEY))
                .hasMessageContaining("wrong passphrase");
        byte[] keyOnly = encrypt(new Recipients(List.of(rsa.certificate()), null));
        assertThatThrownBy(() -> decrypt(keyOnly, DecryptionKey.ofPassphrase(PASSPHRASE)))
                .isInstanceOfSatisfying(DecryptionException.class,
                        e -> assertThat(e.kind()).isEqualTo(DecryptionException.Kind.WRONG_KEY));
        assertThatThrownBy(() -> decrypt(plainZipHead(), DecryptionKey.ofPassphrase(PASSPHRASE)))
                .isInstanceOfSatisfying(DecryptionException.class,
                        e -> assertThat(e.kind()).isEqualTo(DecryptionException.Kind.NOT_ENCRYPTED))
                .hasMessageContaining("got a plain ZIP");
    }

    private static byte[] plainZipHead() {
        byte[] b = new byte[100];
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        return b;
    }

    @Test
    void aFlippedByteAnywhereOrATruncationIsRefusedAndNothingIsWritten() throws Exception {
        for (Recipients to : List.of(new Recipients(List.of(rsa.certificate()), null),
                new Recipients(List.of(), PASSPHRASE))) {
            byte[] enc = encrypt(to);
            DecryptionKey key = to.passphrase() != null ? DecryptionKey.ofPassphrase(PASSPHRASE) : rsa.decryptionKey();
            int n = enc.length;
            // header: the content-type OID, inside the recipient info, the GCM nonce region; the body; the tag;
            // the end-of-contents octets
            int bodyStart = indexOfContent(enc);
            int[] positions = {1, 20, 40, 120, bodyStart - 10, bodyStart + 5, n / 2, n - 40, n - 20, n - 10, n - 3, n - 1};
            for (int at : positions) {
                byte[] bad = enc.clone();
                bad[at] ^= 0x01;
                assertRefused(bad, key, "byte " + at + " of " + n + " flipped");
            }
            for (int len : new int[]{0, 10, bodyStart, n / 2, n - 30, n - 1}) {
                assertRefused(java.util.Arrays.copyOf(enc, len), key, "truncated to " + len + " of " + n);
            }
            byte[] appended = java.util.Arrays.copyOf(enc, n + 1);
            appended[n] = 'x';
            assertRefused(appended, key, "one byte appended");
        }
    }

    /** Where the encrypted content's first octet string begins: after the content-encryption parameters. */
    private static int indexOfContent(byte[] enc) {
        byte[] dataOid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x01};
        for (int i = 0; i < enc.length - dataOid.length; i++) {
            if (java.util.Arrays.equals(enc, i, i + dataOid.length, dataOid, 0, dataOid.length)) {
                return i + dataOid.length + 40;
            }
        }
        throw new AssertionError("no id-data in the encrypted bundle");
    }

    private void assertRefused(byte[] bad, DecryptionKey key, String what) throws Exception {
        Path in = Files.write(dir.resolve("bad.zip.p7m"), bad);
        Path out = dir.resolve("bad.zip");
        assertThatThrownBy(() -> {
            EncryptedBundles.decrypt(in, out, key);
            throw new AssertionError("not refused: " + what);
        }).isInstanceOf(DecryptionException.class)
                .satisfies(e -> assertThat(e.getMessage()).as(what).startsWith("bad.zip.p7m: ").doesNotContain("\n"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as(what).containsExactly("bad.zip.p7m");
        }
        Files.delete(in);
    }

    @Test
    void decryptingToAFileWritesItWholeOnlyWhenItAuthenticates() throws Exception {
        Path zip = Files.write(dir.resolve("B.zip"), plain);
        Path enc = dir.resolve("B.zip.p7m");
        EncryptedBundles.encrypt(zip, enc, new Recipients(List.of(ec.certificate()), null));
        Path out = dir.resolve("again.zip");
        assertThat(EncryptedBundles.decrypt(enc, out, ec.decryptionKey())).isEqualTo(plain.length);
        assertThat(Files.readAllBytes(out)).isEqualTo(plain);
        assertThatThrownBy(() -> EncryptedBundles.decrypt(enc, out, ec.decryptionKey()))
                .hasMessageContaining("exists");
    }

    @Test
    void aDecryptedBundleIsReadFromAScratchFileThatHoldsNoPlaintext() throws Exception {
        byte[] text = "PK this is the plaintext of a bundle ".repeat(20_000).getBytes();
        Path zip = Files.write(dir.resolve("B.zip"), text);
        Path enc = dir.resolve("B.zip.p7m");
        EncryptedBundles.encrypt(zip, enc, new Recipients(List.of(), PASSPHRASE));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (DecryptedBundle b = DecryptedBundle.open(enc, DecryptionKey.ofPassphrase(PASSPHRASE), scratch)) {
            try (var left = Files.list(scratch)) {
                assertThat(left).as("the scratch file is unlinked while open").isEmpty();
            }
            assertThat(b.name()).isEqualTo("B.zip");
            assertThat(b.size()).isEqualTo(text.length);
            assertThat(b.sha256()).isEqualTo(org.exhibit.integrity.digest.Sha256.ofBytes(text));
            try (var in = b.channel()) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(100);
                in.read(buf, 300_000);
                assertThat(buf.array()).isEqualTo(java.util.Arrays.copyOfRange(text, 300_000, 300_100));
            }
            assertThat(java.nio.channels.Channels.newInputStream(b.channel()).readAllBytes()).isEqualTo(text);
        }
        byte[] bad = Files.readAllBytes(enc);
        bad[bad.length / 2] ^= 4;
        Path damaged = Files.write(dir.resolve("D.zip.p7m"), bad);
        assertThatThrownBy(() -> DecryptedBundle.open(damaged, DecryptionKey.ofPassphrase(PASSPHRASE), scratch))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("authentication tag");
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theScratchFileReadsBackRandomWritesAndKeepsOnlyCiphertext() throws Exception {
        Random r = new Random(11);
        byte[] model = new byte[3 * EphemeralFile.SEGMENT * 7 + 123];
        try (EphemeralFile f = EphemeralFile.create(dir); var ch = f.channel()) {
            for (int i = 0; i < 400; i++) {
                int at = r.nextInt(model.length - 5000);
                byte[] chunk = new byte[1 + r.nextInt(4999)];
                java.util.Arrays.fill(chunk, (byte) 'A');
                if (i % 2 == 0) {
                    r.nextBytes(chunk);
                }
                System.arraycopy(chunk, 0, model, at, chunk.length);
                ch.write(java.nio.ByteBuffer.wrap(chunk), at);
            }
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{9}), model.length - 1);
            model[model.length - 1] = 9;
            assertThat(ch.size()).isEqualTo(model.length);
            java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(model.length);
            while (all.hasRemaining() && ch.read(all, all.position()) > 0) {
                // read on
            }
            assertThat(all.array()).isEqualTo(model);
        }
    }
}
