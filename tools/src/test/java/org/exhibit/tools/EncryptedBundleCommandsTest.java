package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seal --encrypt-to/--passphrase}, {@code encrypt}, {@code decrypt}, and {@code verify}/{@code report} of an
 * encrypted bundle, run in-process as a user would, with the real openssl as the independent tool.
 */
class EncryptedBundleCommandsTest {
    static final String IDENTITY_PASS = "pw";
    static final String BUNDLE_PASS = "a passphrase for the attorney";
    static final String P12_PASS = "attorney-p12";

    @TempDir
    static Path tmp;
    static Path home;
    static Path caseDir;
    static Path encrypted;
    static Path attorneyKey;
    static Path attorneyCert;
    static Path attorneyP12;

    static Environment env(String identityPassphrase) {
        return Environment.of(home, identityPassphrase).withBundlePassphrase(BUNDLE_PASS);
    }

    @BeforeAll
    static void sealEncrypted() throws Exception {
        home = tmp.resolve("home");
        caseDir = tmp.resolve("cases/2026-017");
        attorneyKey = tmp.resolve("attorney.key");
        attorneyCert = tmp.resolve("attorney.pem");
        attorneyP12 = tmp.resolve("attorney.p12");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", attorneyKey.toString(), "-out",
                attorneyCert.toString(), "-subj", "/CN=Attorney", "-days", "30");
        openssl("pkcs12", "-export", "-inkey", attorneyKey.toString(), "-in", attorneyCert.toString(), "-out",
                attorneyP12.toString(), "-passout", "pass:" + P12_PASS);
        assertThat(Cli.run(home, IDENTITY_PASS, "identity", "create", "--name", "Dana Reyes").exit()).isZero();
        assertThat(Cli.run(home, null, "case", "init", caseDir.toString(), "--id", "2026-017").exit()).isZero();
        Path note = Files.writeString(tmp.resolve("note.txt"), "he said he would post them again\n");
        Cli ingest = Cli.run(home, null, "ingest", "--case", caseDir.toString(), "--tsa", "local", note.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Cli seal = Cli.run(env(IDENTITY_PASS), "seal", "--case", caseDir.toString(), "--tsa", "local", "-o",
                out.toString(), "--encrypt-to", home.resolve("identity.pem").toString(), "--encrypt-to",
                attorneyCert.toString(), "--passphrase");
        assertThat(seal.exit()).as(seal.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            List<Path> all = files.toList();
            assertThat(all).as("only the encrypted bundle is written").hasSize(1);
            encrypted = all.get(0);
        }
        assertThat(encrypted.getFileName().toString()).matches("2026-017-\\d{8}T\\d{6}Z\\.zip\\.p7m");
        assertThat(seal.out()).contains("(of the ZIP inside)", "encrypted to 2 certificate(s) and a passphrase");
    }

    @Test
    void verifyOpensItWithTheOwnIdentityAKeyFileOrThePassphrase() throws IOException {
        Cli own = Cli.run(env(IDENTITY_PASS), "verify", encrypted.toString());
        assertThat(own.exit()).as(own.out() + own.err()).isEqualTo(ExitCode.OK);
        String zipName = Sha256Name.plain(encrypted);
        assertThat(own.out()).contains("PASS signature", "VERIFIED " + zipName + ":");
        Cli byKey = Cli.run(env(P12_PASS), "verify", encrypted.toString(), "--key", attorneyP12.toString());
        assertThat(byKey.exit()).as(byKey.out() + byKey.err()).isEqualTo(ExitCode.OK);
        Path report = tmp.resolve("verification.html");
        Cli byPass = Cli.run(env(null), "verify", encrypted.toString(), "--passphrase", "--report", report.toString());
        assertThat(byPass.exit()).as(byPass.out() + byPass.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(report)).contains(zipName, "2026-017");
    }

    @Test
    void reportReadsTheEncryptedBundle() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("report"));
        Cli r = Cli.run(env(null), "report", "--case", encrypted.toString(), "--passphrase", "-o", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("report.html"))).contains("2026-017", "note.txt");
        assertThat(out.resolve("report.pdf")).isRegularFile();
    }

    @Test
    void opensslDecryptsItAndTheZipVerifiesAndExhibitDecryptsTheSameBytes() throws Exception {
        Path byOpenssl = tmp.resolve("openssl.zip");
        openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", encrypted.toString(), "-recip",
                attorneyCert.toString(), "-inkey", attorneyKey.toString(), "-out", byOpenssl.toString());
        Cli v = Cli.run(env(null), "verify", byOpenssl.toString());
        assertThat(v.exit()).as(v.out()).isEqualTo(ExitCode.OK);
        Path byExhibit = tmp.resolve("exhibit.zip");
        Cli d = Cli.run(env(IDENTITY_PASS), "decrypt", encrypted.toString(), "-o", byExhibit.toString());
        assertThat(d.exit()).as(d.err()).isEqualTo(ExitCode.OK);
        assertThat(d.err()).contains("plaintext");
        assertThat(Sha256.of(byExhibit)).isEqualTo(Sha256.of(byOpenssl));

        // and back: encrypt the plain bundle again, for the passphrase only; openssl opens that too
        Path again = tmp.resolve("again.zip.p7m");
        Cli e = Cli.run(env(null), "encrypt", byExhibit.toString(), "--passphrase", "-o", again.toString());
        assertThat(e.exit()).as(e.err()).isEqualTo(ExitCode.OK);
        Path back = tmp.resolve("back.zip");
        openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", again.toString(), "-pwri_password",
                BUNDLE_PASS, "-out", back.toString());
        assertThat(Sha256.of(back)).isEqualTo(Sha256.of(byOpenssl));
    }

    @Test
    void aWrongPassphraseOrKeyExitsThreeWithOneLine() throws Exception {
        Environment wrong = Environment.of(home, P12_PASS).withBundlePassphrase("not the passphrase at all");
        Cli pass = Cli.run(wrong, "verify", encrypted.toString(), "--passphrase");
        assertThat(pass.exit()).isEqualTo(ExitCode.WRONG_KEY);
        assertThat(pass.err().strip()).doesNotContain("\n").contains("wrong passphrase");
        assertThat(pass.out()).isEmpty();
        Path strangerKey = tmp.resolve("stranger.key");
        Path strangerCert = tmp.resolve("stranger.pem");
        Path strangerP12 = tmp.resolve("stranger.p12");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                strangerKey.toString(), "-out", strangerCert.toString(), "-subj", "/CN=Stranger", "-days", "3");
        openssl("pkcs12", "-export", "-inkey", strangerKey.toString(), "-in", strangerCert.toString(), "-out",
                strangerP12.toString(), "-passout", "pass:" + P12_PASS);
        Path out = tmp.resolve("stranger.zip");
        Cli key = Cli.run(wrong, "decrypt", encrypted.toString(), "--key", strangerP12.toString(), "-o",
                out.toString());
        assertThat(key.exit()).isEqualTo(ExitCode.WRONG_KEY);
        assertThat(key.err().strip()).doesNotContain("\n").contains("not encrypted to the key of CN=Stranger");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFlippedByteOrATruncatedFileExitsFourAndNothingIsReleased() throws Exception {
        byte[] good = Files.readAllBytes(encrypted);
        Path dir = Files.createDirectories(tmp.resolve("damaged"));
        for (int at : new int[]{good.length / 2, good.length - 20, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Path file = Files.write(dir.resolve("flipped-" + at + ".zip.p7m"), bad);
            Cli v = Cli.run(env(null), "verify", file.toString(), "--passphrase");
            assertThat(v.exit()).as("byte " + at + ": " + v.err()).isEqualTo(ExitCode.DAMAGED);
            assertThat(v.out()).as("nothing is reported as verified before the tag checks").isEmpty();
            assertThat(v.err().strip()).doesNotContain("\n").contains(file.getFileName().toString());
            Cli d = Cli.run(env(null), "decrypt", file.toString(), "--passphrase");
            assertThat(d.exit()).isEqualTo(ExitCode.DAMAGED);
        }
        Path cut = Files.write(dir.resolve("cut.zip.p7m"), java.util.Arrays.copyOf(good, good.length * 2 / 3));
        Cli d = Cli.run(env(null), "decrypt", cut.toString(), "--passphrase");
        assertThat(d.exit()).isEqualTo(ExitCode.DAMAGED);
        assertThat(d.err()).contains("truncated");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no partial plaintext left")
                    .allMatch(n -> n.endsWith(".zip.p7m"));
        }
    }

    /** The ZIP name inside an encrypted bundle's name. */
    private static final class Sha256Name {
        static String plain(Path p7m) {
            String n = p7m.getFileName().toString();
            return n.substring(0, n.length() - ".p7m".length());
        }
    }

    static void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("openssl is required for this test and could not be started: " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
