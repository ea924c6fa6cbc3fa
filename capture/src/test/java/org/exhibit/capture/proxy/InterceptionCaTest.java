package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openssl, as a second opinion, on what the per-run CA issues and on the SPKI hashes given to Chromium. */
class InterceptionCaTest {
    @TempDir
    Path dir;

    @Test
    void leavesVerifyAgainstTheCaWithOpensslAndNameTheirHost() throws Exception {
        InterceptionCa ca = InterceptionCa.create();
        Path caPem = pem("ca.pem", ca.certificate());
        Path dnsLeaf = pem("dns.pem", ca.issue("example.org"));
        Path ipLeaf = pem("ip.pem", ca.issue("127.0.0.1"));
        assertThat(openssl("verify", "-CAfile", caPem.toString(), "-verify_hostname", "example.org", dnsLeaf.toString()))
                .contains("OK");
        assertThat(openssl("verify", "-CAfile", caPem.toString(), "-verify_ip", "127.0.0.1", ipLeaf.toString())).contains("OK");
        assertThat(openssl("x509", "-in", dnsLeaf.toString(), "-noout", "-ext", "subjectAltName")).contains("DNS:example.org");
        assertThat(openssl("x509", "-in", ipLeaf.toString(), "-noout", "-ext", "subjectAltName")).contains("IP Address:127.0.0.1");
    }

    @Test
    void spkiListHoldsTheHashesChromiumComputesForTheLeafKeyAndTheCa() throws Exception {
        InterceptionCa ca = InterceptionCa.create();
        List<String> spki = List.of(ca.spkiSha256Base64().split(","));
        // the recipe Chromium documents for --ignore-certificate-errors-spki-list
        for (X509Certificate cert : List.of(ca.issue("a.example"), ca.certificate())) {
            Path pem = pem("c.pem", cert);
            Path der = dir.resolve("spki.der");
            openssl("x509", "-in", pem.toString(), "-pubkey", "-noout", "-out", dir.resolve("pub.pem").toString());
            openssl("pkey", "-pubin", "-in", dir.resolve("pub.pem").toString(), "-outform", "der", "-out", der.toString());
            String hash = openssl("dgst", "-sha256", "-binary", "-out", dir.resolve("h.bin").toString(), der.toString());
            String b64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("h.bin")));
            assertThat(spki).as("hash from %s (%s)", cert.getSubjectX500Principal(), hash).contains(b64);
        }
        assertThat(ca.issue("b.example").getPublicKey()).as("one key pair for all leaves")
                .isEqualTo(ca.issue("c.example").getPublicKey());
    }

    private Path pem(String name, X509Certificate cert) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, CertificateSummaries.of(cert).pem(), StandardCharsets.US_ASCII);
        return p;
    }

    static String openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("openssl is required for this test (apt-get install openssl): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", cmd, out).isZero();
        return out;
    }
}
