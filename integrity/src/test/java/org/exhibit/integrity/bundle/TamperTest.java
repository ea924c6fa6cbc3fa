package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of change to a sealed bundle fails verification (exit 1), naming what failed. */
class TamperTest {
    @TempDir
    static Path tmp;
    static SealedCase sealed;
    static BundleVerifier verifier;
    static int counter;

    @BeforeAll
    static void seal() throws Exception {
        sealed = new SealedCase(tmp).withEvidence().seal();
        verifier = new BundleVerifier(sealed.trust());
    }

    @AfterAll
    static void stop() {
        sealed.close();
    }

    static Stream<Arguments> changes() {
        String chat = "data/files/0001/chat.png";
        String capture = "data/captures/0001/capture.json";
        return Stream.of(
                of("byte in an ingested screenshot", Tamper.flip(chat, -1), "bagit", chat, "SHA-256 expected"),
                of("byte in an ingested screenshot (record)", Tamper.flip(chat, -1), "records", chat,
                        "(data/files/0001/item.json)"),
                of("byte in a capture screenshot", Tamper.flip("data/captures/0001/screenshot-full.png", 100),
                        "records", "data/captures/0001/screenshot-full.png", "SHA-256 expected"),
                of("byte in an e-mail", Tamper.flip("data/files/0002/threat.eml", 3), "bagit",
                        "data/files/0002/threat.eml", "SHA-256 expected"),
                of("byte in capture.json", Tamper.flip(capture, -1), "timestamp",
                        capture + ".local.tsr", "message imprint does not match"),
                of("byte in capture.json (manifest)", Tamper.flip(capture, -1), "manifest", capture,
                        "SHA-256 expected"),
                of("byte in a record's token", Tamper.flip(capture + ".local.tsr", -1), "bagit",
                        capture + ".local.tsr", "SHA-256 expected"),
                of("byte in manifest-sha256.txt", Tamper.flip("manifest-sha256.txt", 0), "manifest",
                        "custody/manifest.json", "SHA-256 of manifest-sha256.txt expected"),
                of("byte in bag-info.txt", Tamper.flip("bag-info.txt", -1), "bagit", "bag-info.txt",
                        "SHA-256 expected"),
                of("byte in bagit.txt", Tamper.flip("bagit.txt", 8), "bagit", "bagit.txt", "BagIt-Version expected 1.0"),
                of("byte in VERIFY.txt", Tamper.flip("VERIFY.txt", -1), "bagit", "VERIFY.txt", "SHA-256 expected"),
                of("byte in tagmanifest-sha256.txt", Tamper.flip("tagmanifest-sha256.txt", 66), "bagit",
                        "WERIFY.txt", "listed in tagmanifest-sha256.txt, missing from the bundle"),
                of("byte in manifest.json", Tamper.flip("custody/manifest.json", -1), "bagit",
                        "custody/manifest.json", "SHA-256 expected"),
                of("byte in tagmanifest-sha256.txt (signature)", Tamper.flip("tagmanifest-sha256.txt", 3),
                        "signature", "tagmanifest-sha256.txt.p7s", "signature does not match tagmanifest-sha256.txt"),
                of("byte in manifest.json (token)", Tamper.flip("custody/manifest.json", -1), "timestamp",
                        "custody/manifest.json.local.tsr", "message imprint does not match"),
                of("byte in the signature value", Tamper.flip("tagmanifest-sha256.txt.p7s", Tamper.LAST), "signature",
                        "tagmanifest-sha256.txt.p7s", "tagmanifest-sha256.txt.p7s: "),
                of("byte in the signature's certificates", Tamper.flip("tagmanifest-sha256.txt.p7s", -1), "signature",
                        "tagmanifest-sha256.txt.p7s", "tagmanifest-sha256.txt.p7s: "),
                of("byte in the manifest's token", Tamper.flip("custody/manifest.json.local.tsr", -1), "timestamp",
                        "custody/manifest.json.local.tsr", "invalid for custody/manifest.json"),
                of("byte in investigator.pem", Tamper.flip("custody/investigator.pem", 100), "signature",
                        "tagmanifest-sha256.txt.p7s", "custody/investigator.pem"),
                of("byte in a TSA chain", Tamper.flip("custody/tsa/local.pem", 100), "bagit",
                        "custody/tsa/local.pem", "SHA-256 expected"),
                of("deleted e-mail", Tamper.delete("data/files/0002/threat.eml"), "bagit",
                        "data/files/0002/threat.eml", "listed in manifest-sha256.txt, missing from the bundle"),
                of("deleted capture resource", Tamper.delete("data/captures/0001/page.html"), "records",
                        "data/captures/0001/page.html", "listed in data/captures/0001/capture.json, missing"),
                of("deleted record token", Tamper.delete(capture + ".local.tsr"), "bagit", capture + ".local.tsr",
                        "missing from the bundle"),
                of("deleted signature", Tamper.delete("tagmanifest-sha256.txt.p7s"), "signature",
                        "tagmanifest-sha256.txt.p7s", "missing from the bundle"),
                of("deleted custody log", Tamper.delete("custody/events.jsonl"), "custody-log",
                        "custody/events.jsonl", "missing from the bundle"),
                of("added payload file", Tamper.add("data/files/0002/extra.png", "x"), "unlisted",
                        "data/files/0002/extra.png", "present but listed in no manifest"),
                of("added payload file (bag)", Tamper.add("data/files/0002/extra.png", "x"), "bagit",
                        "bag-info.txt", "Payload-Oxum expected"),
                of("added tag file", Tamper.add("README.txt", "trust me"), "unlisted", "README.txt",
                        "present but listed in no manifest"),
                of("renamed payload file", Tamper.rename("data/files/0001/chat.png", "data/files/0001/chat2.png"),
                        "bagit", "data/files/0001/chat.png", "missing from the bundle"),
                of("renamed payload file (new name)", Tamper.rename("data/files/0001/chat.png",
                        "data/files/0001/chat2.png"), "unlisted", "data/files/0001/chat2.png", "listed in no manifest"),
                of("renamed token", Tamper.rename("custody/manifest.json.local.tsr",
                        "custody/manifest.json.other.tsr"), "bagit", "custody/manifest.json.local.tsr",
                        "listed in tagmanifest-sha256.txt, missing from the bundle"),
                of("renamed token (new name)", Tamper.rename("custody/manifest.json.local.tsr",
                        "custody/manifest.json.other.tsr"), "unlisted", "custody/manifest.json.other.tsr",
                        "listed in no manifest"),
                of("deleted manifest token", Tamper.delete("custody/manifest.json.local.tsr"), "timestamp",
                        "custody/manifest.json", "no timestamp"),
                of("edited custody-log line", Tamper.log(l -> l.set(2, l.get(2).replace("\"seq\":3", "\"seq\":33"))),
                        "custody-log", "custody/events.jsonl", "line 3"),
                of("edited custody-log details", Tamper.log(l -> l.set(1, l.get(1).replace("chat", "chaT"))),
                        "custody-log", "custody/events.jsonl", "line 2 was edited"),
                of("removed custody-log line", Tamper.log(l -> l.remove(2)), "custody-log", "custody/events.jsonl",
                        "missing"),
                of("reordered custody-log lines", Tamper.log(l -> Collections.swap(l, 2, 3)), "custody-log",
                        "custody/events.jsonl", "reordered"),
                of("removed last custody-log line", Tamper.log(l -> l.remove(l.size() - 1)), "custody-log",
                        "custody/events.jsonl", "expected head"),
                of("appended custody-log line", Tamper.log(l -> l.add(l.get(l.size() - 1))), "custody-log",
                        "custody/events.jsonl", "custody/events.jsonl: "));
    }

    private static Arguments of(String what, Consumer<Map<String, byte[]>> change, String check, String file,
                                String message) {
        return Arguments.of(what, change, check, file, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangedBundleFailsNamingWhatFailed(String what, Consumer<Map<String, byte[]>> change, String check,
                                             String file, String message) throws IOException {
        Path tampered = Tamper.rewrite(sealed.bundle.file(), tmp.resolve("tampered-" + (++counter) + ".zip"), change);
        Verification v = verifier.verify(tampered, false);
        assertThat(v.outcome()).as(what).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).as(what + ": " + v.failures())
                .anySatisfy(c -> {
                    assertThat(c.name()).isEqualTo(check);
                    assertThat(c.file()).isEqualTo(file);
                    assertThat(c.message()).contains(message);
                });
    }

    @Test
    void anIntactRewriteStillVerifies() throws IOException {
        Path same = Tamper.rewrite(sealed.bundle.file(), tmp.resolve("same.zip"), m -> { });
        Verification v = verifier.verify(same, false);
        assertThat(v.failures()).isEmpty();
        assertThat(v.outcome().exitCode()).isZero();
    }

    @Test
    void aChangedByteInAnyFileFailsNamingThatFile() throws IOException {
        for (String name : Tamper.read(sealed.bundle.file()).keySet()) {
            Path tampered = Tamper.rewrite(sealed.bundle.file(), tmp.resolve("any-" + (++counter) + ".zip"),
                    Tamper.flip(name, -1));
            Verification v = verifier.verify(tampered, false);
            assertThat(v.outcome()).as(name).isEqualTo(Verification.Outcome.FAILED);
            assertThat(v.failures()).as(name).anyMatch(c -> c.file().equals(name) || c.message().contains(name));
            Files.delete(tampered);
        }
    }

    @Test
    void everyByteOfBagitTxtCounts() throws IOException {
        int size = Tamper.read(sealed.bundle.file()).get("bagit.txt").length;
        for (int i = 0; i < size; i++) {
            Path tampered = Tamper.rewrite(sealed.bundle.file(), tmp.resolve("bagit-" + i + ".zip"),
                    Tamper.flip("bagit.txt", i));
            assertThat(verifier.verify(tampered, false).outcome()).as("byte " + i).isEqualTo(
                    Verification.Outcome.FAILED);
            Files.delete(tampered);
        }
    }

    @Test
    void aDamagedStoredEntryFailsAsACrcMismatch() throws IOException {
        byte[] zip = Files.readAllBytes(sealed.bundle.file());
        try (SafeZip z = SafeZip.open(sealed.bundle.file(), ZipLimits.DEFAULT)) {
            assertThat(z.entry("data/files/0001/chat.png").stored()).isTrue();
        }
        byte[] png = Tamper.read(sealed.bundle.file()).get("data/files/0001/chat.png");
        int at = HostileZips.indexOf(zip, java.util.Arrays.copyOfRange(png, 200, 240)) + 20;
        zip[at] ^= 0x01;
        Path damaged = Files.write(tmp.resolve("damaged.zip"), zip);
        Verification v = verifier.verify(damaged, false);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.failures()).anySatisfy(c -> assertThat(c.message())
                .startsWith("data/files/0001/chat.png: ZIP entry damaged: CRC-32 expected "));
    }

    @Test
    void aGenuineBundleOfASelfRunTsaVerifiesStrictlyWithBothRootsTrusted() {
        Verification strict = verifier.verify(sealed.bundle.file(), true);
        assertThat(strict.warnings()).isEmpty();
        assertThat(strict.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(strict.signer().trusted()).isTrue();
        assertThat(strict.signer().fingerprint()).isEqualTo(sealed.investigator.publicInfo().fingerprint());
    }

    @Test
    void strictTurnsWarningsIntoFailures() {
        BundleVerifier untrusting = new BundleVerifier(org.exhibit.integrity.timestamp.TrustAnchors.none());
        Verification lenient = untrusting.verify(sealed.bundle.file(), false);
        assertThat(lenient.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(lenient.warnings()).isNotEmpty()
                .anySatisfy(c -> assertThat(c.message()).contains("self-run TSA"));
        Verification strict = untrusting.verify(sealed.bundle.file(), true);
        assertThat(strict.outcome()).isEqualTo(Verification.Outcome.FAILED);
    }

    @Test
    void withoutTrustTheSignerIsUnverified() {
        Verification v = new BundleVerifier(org.exhibit.integrity.timestamp.TrustAnchors.none())
                .verify(sealed.bundle.file(), false);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(v.signer().trusted()).isFalse();
        assertThat(v.warnings()).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo("custody/investigator.pem");
            assertThat(c.message()).contains("is unverified: no --trust given");
        });
    }

    @Test
    void withTrustASignerOutsideTheTrustListFails() {
        Verification v = new BundleVerifier(org.exhibit.integrity.timestamp.TrustAnchors.none().with(sealed.tsa.root()))
                .verify(sealed.bundle.file(), false);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.failures()).singleElement().satisfies(c -> {
            assertThat(c.file()).isEqualTo("custody/investigator.pem");
            assertThat(c.message()).contains("not in the trust list");
        });
    }

    @Test
    void verifyingNeverWritesToTheBundle() throws IOException {
        byte[] before = Files.readAllBytes(sealed.bundle.file());
        long modified = Files.getLastModifiedTime(sealed.bundle.file()).toMillis();
        verifier.verify(sealed.bundle.file(), false);
        assertThat(Files.readAllBytes(sealed.bundle.file())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(sealed.bundle.file()).toMillis()).isEqualTo(modified);
        assertThat(List.of(sealed.bundle.file().getParent().toFile().list())).containsExactly(
                sealed.bundle.file().getFileName().toString());
    }
}
