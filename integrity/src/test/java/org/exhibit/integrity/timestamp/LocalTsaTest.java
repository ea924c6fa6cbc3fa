package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTsaTest {
    @TempDir
    Path home;

    @Test
    void tokensFromTheLocalTsaPassOpensslAndOurVerifier() throws Exception {
        LocalTsa tsa = LocalTsa.open(home.resolve("tsa"));
        Path data = Files.writeString(home.resolve("capture.json"), "{\"id\":\"0001\"}\n");
        byte[] digest = Sha256.of(data).bytes();
        StampedToken token = stamp(tsa, digest);
        Path tsr = Files.write(home.resolve("capture.json.local.tsr"), token.response());

        assertThat(token.tsa().name()).isEqualTo("local");
        assertThat(token.trusted()).isTrue();
        assertThat(token.policy()).isEqualTo(TsaServer.POLICY);
        assertThat(token.genTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(token.clockOffset().abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(token.tsaChain()).containsExactly(tsa.certificate(), tsa.root());
        Path chainPem = Files.writeString(home.resolve("local.pem"), token.tsaChainPem());
        assertThat(TrustAnchors.fromPem(chainPem).certificates()).isEqualTo(token.tsaChain());
        assertThat(token.warnings()).as("a self-run TSA whose root is trusted").isEmpty();

        String out = Openssl.ok(home, "ts", "-verify", "-data", data.toString(), "-in", tsr.toString(),
                "-CAfile", tsa.rootPem().toString(), "-untrusted", tsa.chainPem().toString());
        assertThat(out).contains("Verification: OK");
        String text = Openssl.ok(home, "ts", "-reply", "-in", tsr.toString(), "-text");
        assertThat(text).contains("Policy OID: " + TsaServer.POLICY).contains("Accuracy: 0x01 seconds");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("Nonce: 0x([0-9A-F]+)").matcher(text);
        assertThat(nonce.find()).as("openssl prints the nonce").isTrue();
        assertThat(new java.math.BigInteger(nonce.group(1), 16)).isEqualTo(token.nonce());

        TimestampCheck check = new TimestampVerifier().verify(token.response(), digest, token.nonce(),
                TrustAnchors.none().with(tsa.root()));
        assertThat(check.ok()).as(check.reason()).isTrue();
        assertThat(check.trusted()).isTrue();
        assertThat(check.genTime()).isEqualTo(token.genTime());
        assertThat(check.tsaFingerprint()).isEqualTo(Sha256.ofBytes(tsa.certificate().getEncoded()).hex());
    }

    @Test
    void aLocalTsaWhoseKeyStoreHoldsAnRsaKeySignsWithRsaAndItsTokensPassOpensslAndOurVerifier() throws Exception {
        // the key store bench/rsa-local-tsa.sh makes with openssl: RSA keys, as the public TSAs sign
        Path dir = home.resolve("rsa-tsa");
        Process make = new ProcessBuilder("sh", Path.of("..", "bench", "rsa-local-tsa.sh").toString(), dir.toString())
                .redirectErrorStream(true).start();
        String said = new String(make.getInputStream().readAllBytes());
        assertThat(make.waitFor()).as(said).isZero();
        LocalTsa tsa = LocalTsa.open(dir);
        assertThat(tsa.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        Path data = Files.writeString(home.resolve("item.json"), "{\"id\":\"0001\"}\n");
        byte[] digest = Sha256.of(data).bytes();
        StampedToken token = stamp(tsa, digest);
        Path tsr = Files.write(home.resolve("item.json.local.tsr"), token.response());
        String text = Openssl.ok(home, "ts", "-reply", "-in", tsr.toString(), "-token_out", "-out",
                home.resolve("token.der").toString());
        String cms = Openssl.ok(home, "cms", "-cmsout", "-print", "-inform", "DER", "-in",
                home.resolve("token.der").toString());
        assertThat(cms).as(text).contains("signatureAlgorithm:", "rsaEncryption").doesNotContain("ecdsa");
        assertThat(Openssl.ok(home, "ts", "-verify", "-data", data.toString(), "-in", tsr.toString(), "-CAfile",
                tsa.rootPem().toString(), "-untrusted", tsa.chainPem().toString())).contains("Verification: OK");
        TimestampCheck check = new TimestampVerifier().verify(token.response(), digest, token.nonce(),
                TrustAnchors.none().with(tsa.root()));
        assertThat(check.ok()).as(check.reason()).isTrue();
        assertThat(check.trusted()).isTrue();
        byte[] other = Sha256.ofBytes(new byte[] {1}).bytes();
        assertThat(new TimestampVerifier().verify(token.response(), other, null, TrustAnchors.none().with(tsa.root()))
                .ok()).isFalse();
    }

    @Test
    void serialsIncreaseAndEachTokenEchoesItsNonce() throws Exception {
        LocalTsa tsa = LocalTsa.open(home.resolve("tsa"));
        try (TsaServer server = TsaServer.start(tsa, 0)) {
            Timestamper timestamper = new Timestamper(List.of(server.endpoint()), TrustAnchors.none());
            BigInteger previous = BigInteger.ZERO;
            for (int i = 0; i < 5; i++) {
                StampedToken token = timestamper.stamp(MessageDigest.getInstance("SHA-256").digest(new byte[] {(byte) i}));
                assertThat(token.serial()).isGreaterThan(previous);
                assertThat(token.trusted()).isFalse();
                assertThat(token.warnings()).anyMatch(w -> w.contains("does not chain to a trust anchor"));
                previous = token.serial();
            }
        }
    }

    @Test
    void concurrentStampsAreEachValidWithDistinctSerials() throws Exception {
        LocalTsa tsa = LocalTsa.open(home.resolve("tsa"));
        try (TsaServer server = TsaServer.start(tsa, 0)) {
            Timestamper timestamper = new Timestamper(List.of(server.endpoint()), TrustAnchors.none().with(tsa.root()));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                List<java.util.concurrent.Future<StampedToken>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    byte[] digest = Sha256.ofBytes(("item " + i).getBytes()).bytes();
                    futures.add(pool.submit(() -> timestamper.stamp(digest)));
                }
                java.util.Set<BigInteger> serials = new java.util.HashSet<>();
                for (int i = 0; i < futures.size(); i++) {
                    StampedToken token = futures.get(i).get();
                    byte[] digest = Sha256.ofBytes(("item " + i).getBytes()).bytes();
                    TimestampCheck check = new TimestampVerifier().verify(token.response(), digest, token.nonce(),
                            TrustAnchors.none().with(tsa.root()));
                    assertThat(check.ok()).as(check.reason()).isTrue();
                    serials.add(token.serial());
                }
                assertThat(serials).hasSize(24);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void concurrentFirstUsesAgreeOnOneKey() throws Exception {
        Path dir = home.resolve("tsa");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<LocalTsa>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> LocalTsa.open(dir)));
            }
            X509Certificate first = opened.get(0).get().certificate();
            for (var f : opened) {
                assertThat(f.get().certificate()).isEqualTo(first);
            }
            assertThat(LocalTsa.open(dir).certificate()).isEqualTo(first);
            try (var siblings = Files.list(home)) {
                assertThat(siblings).containsExactly(dir);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysAreCreatedOnceAndKeptPrivate() throws Exception {
        Path dir = home.resolve("tsa");
        LocalTsa first = LocalTsa.open(dir);
        LocalTsa second = LocalTsa.open(dir);
        assertThat(second.chain()).isEqualTo(first.chain());
        assertThat(Files.getPosixFilePermissions(dir.resolve("tsa.secret")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.getPosixFilePermissions(dir.resolve("tsa.p12")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(first.certificate().getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(first.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        Openssl.ok(home, "verify", "-CAfile", first.rootPem().toString(), "-purpose", "timestampsign",
                first.chainPem().toString());
    }

    /** One token from {@code tsa} served on a loopback port, its root trusted. */
    private static StampedToken stamp(LocalTsa tsa, byte[] digest) throws Exception {
        try (TsaServer server = TsaServer.start(tsa, 0)) {
            return new Timestamper(List.of(server.endpoint()), TrustAnchors.none().with(tsa.root()),
                    Duration.ofSeconds(5), Duration.ofSeconds(10), 0).stamp(digest);
        }
    }
}
