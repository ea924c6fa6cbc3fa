package org.exhibit.integrity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {
    static final char[] PASS = "correct horse battery".toCharArray();

    @TempDir
    Path home;

    @Test
    void createdIdentityIsPrivateAndItsFingerprintMatchesOpenssl() throws Exception {
        IdentityStore store = new IdentityStore(home);
        Identity id = store.create("Dana Reyes", "Reyes Law", "dana@reyes.example", PASS, false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.p12()))).isEqualTo("rw-------");
        assertThat(id.privateKey().getAlgorithm()).isIn("EC", "ECDSA");
        PublicIdentity pub = store.publicInfo();
        assertThat(pub.name()).isEqualTo("Dana Reyes");
        assertThat(pub.org()).isEqualTo("Reyes Law");
        assertThat(pub.email()).isEqualTo("dana@reyes.example");
        assertThat(pub.fingerprint()).isEqualTo(id.fingerprint());

        OpenSslRun fp = OpenSslRun.in(home, "x509", "-in", IdentityStore.PEM, "-noout", "-fingerprint", "-sha256");
        assertThat(fp.exit()).as(fp.output()).isZero();
        String hex = fp.output().substring(fp.output().indexOf('=') + 1).strip().replace(":", "").toLowerCase();
        assertThat(pub.fingerprint()).isEqualTo(hex);

        OpenSslRun text = OpenSslRun.in(home, "x509", "-in", IdentityStore.PEM, "-noout", "-text");
        assertThat(text.output()).contains("ASN1 OID: prime256v1", "Digital Signature", "CN = Dana Reyes");

        OpenSslRun p12 = OpenSslRun.in(home, "pkcs12", "-in", IdentityStore.P12, "-passin", "pass:" + new String(PASS),
                "-nokeys");
        assertThat(p12.exit()).as("openssl reads identity.p12: " + p12.output()).isZero();
    }

    @Test
    void loadWithTheRightPassphraseGivesTheSameIdentity() throws Exception {
        IdentityStore store = new IdentityStore(home);
        Identity created = store.create("Dana Reyes", null, null, PASS, false);
        Identity loaded = store.load(PASS);
        assertThat(loaded.fingerprint()).isEqualTo(created.fingerprint());
        assertThat(loaded.actor().name()).isEqualTo("Dana Reyes");
        assertThat(loaded.org()).isNull();
    }

    @Test
    void wrongPassphraseIsOneClearLine() throws Exception {
        IdentityStore store = new IdentityStore(home);
        store.create("Dana Reyes", null, null, PASS, false);
        assertThatThrownBy(() -> store.load("nope".toCharArray()))
                .isInstanceOf(IdentityException.class)
                .hasMessage("wrong passphrase for " + store.p12());
    }

    @Test
    void missingIdentityTellsHowToCreateOne() {
        IdentityStore store = new IdentityStore(home.resolve("empty"));
        String expected = "no identity in " + home.resolve("empty") + ": run `exhibit identity create --name NAME`";
        assertThatThrownBy(() -> store.load(PASS)).hasMessage(expected);
        assertThatThrownBy(store::publicInfo).hasMessage(expected);
    }

    @Test
    void existingIdentityIsReplacedOnlyWithForceAndKeptAsBackup() throws Exception {
        IdentityStore store = new IdentityStore(home);
        Identity first = store.create("Dana Reyes", null, null, PASS, false);
        assertThatThrownBy(() -> store.create("Someone Else", null, null, PASS, false))
                .hasMessageContaining("an identity already exists in " + home)
                .hasMessageContaining(first.fingerprint())
                .hasMessageContaining("--force");
        assertThat(store.publicInfo().fingerprint()).isEqualTo(first.fingerprint());

        Identity second = store.create("Someone Else", null, null, PASS, true);
        assertThat(store.publicInfo().fingerprint()).isEqualTo(second.fingerprint());
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".p12.bak"));
        }
    }

    @Test
    void emptyPassphraseAndBadEmailAreRefused() {
        IdentityStore store = new IdentityStore(home);
        assertThatThrownBy(() -> store.create("Dana", null, null, new char[0], false))
                .hasMessageContaining("expected a passphrase");
        assertThatThrownBy(() -> store.create("Dana", null, "not-an-address", PASS, false))
                .hasMessage("expected an e-mail address like name@example.org, got not-an-address");
        assertThat(store.exists()).isFalse();
    }

    @Test
    void importedOrganisationCertificateSignsWhatOpensslVerifies() throws Exception {
        Path org = Files.createDirectory(home.resolve("org"));
        OpenSslRun req = OpenSslRun.in(org, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "30",
                "-subj", "/CN=Ana Ortiz/O=Helpline Org/emailAddress=ana@helpline.example");
        assertThat(req.exit()).as(req.output()).isZero();
        OpenSslRun export = OpenSslRun.in(org, "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem",
                "-out", "issued.p12", "-passout", "pass:orgsecret");
        assertThat(export.exit()).as(export.output()).isZero();

        IdentityStore store = new IdentityStore(home.resolve("exhibit"));
        assertThatThrownBy(() -> store.importP12(org.resolve("issued.p12"), "wrong".toCharArray(), false))
                .hasMessageStartingWith("wrong passphrase for " + org.resolve("issued.p12"));
        Identity id = store.importP12(org.resolve("issued.p12"), "orgsecret".toCharArray(), false);
        assertThat(id.name()).isEqualTo("Ana Ortiz");
        assertThat(id.org()).isEqualTo("Helpline Org");
        assertThat(id.email()).isEqualTo("ana@helpline.example");
        assertThat(store.load("orgsecret".toCharArray()).fingerprint()).isEqualTo(id.fingerprint());

        Path content = org.resolve("statement.txt");
        Files.writeString(content, "signed by an organisation's certificate\n");
        try (InputStream in = Files.newInputStream(content)) {
            Files.write(org.resolve("statement.txt.p7s"), id.signDetached(in));
        }
        OpenSslRun verify = OpenSslRun.in(org, "cms", "-verify", "-binary", "-inform", "DER", "-in", "statement.txt.p7s",
                "-content", "statement.txt", "-CAfile", "cert.pem", "-purpose", "any", "-out", "/dev/null");
        assertThat(verify.exit()).as(verify.output()).isZero();
    }
}
