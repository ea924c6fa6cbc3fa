package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four attacks an adversary with an editor, a second identity, a TSA of their own and the standard tools can
 * mount on a sealed bundle: each fails verification (exit 1) naming what failed.
 */
class ForgeryTest {
    private static final String CHAT = "data/files/0002/threat.eml";
    private static final byte[] PLANTED = "From: victim@example.org\nSubject: it was me\n\nI posted them myself.\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path tmp;
    static SealedCase sealed;
    static Forger forger;
    static int counter;

    @BeforeAll
    static void seal() throws Exception {
        sealed = new SealedCase(tmp.resolve("case")).withEvidence().seal();
        forger = new Forger(tmp.resolve("forger"), "Dana Reyes");
    }

    @AfterAll
    static void stop() {
        sealed.close();
        forger.close();
    }

    private static Path rewrite(Tamper.Change change) throws IOException {
        return Tamper.rewrite(sealed.bundle.file(), tmp.resolve("forged-" + (++counter) + ".zip"), m -> {
            try {
                change.apply(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What an attorney runs: {@code exhibit verify --trust investigator.pem --trust tsa-root.pem}. */
    private static Verification verifyAsTheAttorney(Path bundle) {
        return new BundleVerifier(sealed.trust()).verify(bundle, false);
    }

    // 1. Re-signed forgery

    @Test
    void aReSignedForgeryUnderTheInvestigatorsNameFailsWithTheRealCertificateTrusted() throws Exception {
        Path forged = rewrite(m -> forger.forge(m, "data/files/0002", "threat.eml", PLANTED, true));
        Verification v = verifyAsTheAttorney(forged);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("signature");
            assertThat(c.file()).isEqualTo("custody/investigator.pem");
            assertThat(c.message()).contains("not in the trust list", forger.identity.publicInfo().fingerprint());
            assertThat(c.reason()).isEqualTo(Reason.SIGNER_UNTRUSTED);
        });
        // openssl, as VERIFY.txt step 2 runs it but with the investigator's real certificate, refuses it too
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked-" + counter));
        try (SafeZip zip = SafeZip.open(forged, ZipLimits.DEFAULT)) {
            zip.extractTo(unpacked);
        }
        Files.writeString(unpacked.resolve("real-investigator.pem"), sealed.investigator.publicInfo().chainPem());
        Tool openssl = Tool.run(unpacked, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt", "-CAfile", "real-investigator.pem",
                "-purpose", "any", "-out", "/dev/null");
        assertThat(openssl.exitCode()).as(openssl.output()).isNotZero();
        // the forgery is otherwise complete: trusting the forger instead, it verifies, which shows the test's teeth
        Verification fooled = new BundleVerifier(forger.trust().with(sealed.tsa.root())).verify(forged, false);
        assertThat(fooled.failures()).isEmpty();
        assertThat(fooled.signer().fingerprint()).isEqualTo(forger.identity.publicInfo().fingerprint());
    }

    @Test
    void withoutTrustAThoroughForgeryIsReportedAsAnUnverifiedSignerWithTheForgersFingerprint() throws IOException {
        Path forged = rewrite(m -> forger.forge(m, "data/files/0002", "threat.eml", PLANTED, true));
        Verification v = new BundleVerifier(TrustAnchors.none()).verify(forged, false);
        assertThat(v.signer().trusted()).isFalse();
        assertThat(v.signer().name()).isEqualTo("Dana Reyes");
        assertThat(v.signer().fingerprint()).isEqualTo(forger.identity.publicInfo().fingerprint())
                .isNotEqualTo(sealed.investigator.publicInfo().fingerprint());
        assertThat(v.warnings()).anySatisfy(c -> assertThat(c.message()).contains("is unverified"));
        assertThat(new BundleVerifier(TrustAnchors.none()).verify(forged, true).outcome())
                .isEqualTo(Verification.Outcome.FAILED);
    }

    @Test
    void aForgerWhoLeavesTheRecordsFailsOnIdentityEvenWithoutTrust() throws IOException {
        Path forged = rewrite(m -> forger.forge(m, "data/files/0002", "threat.eml", PLANTED, false));
        Verification v = new BundleVerifier(TrustAnchors.none()).verify(forged, false);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("identity");
            assertThat(c.file()).isEqualTo("data/captures/0001/capture.json");
            assertThat(c.message()).contains(sealed.investigator.publicInfo().fingerprint(), "but the bundle is signed by");
        }).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("identity");
            assertThat(c.file()).isEqualTo("custody/events.jsonl");
            assertThat(c.message()).contains("line 1 was written by");
        });
    }

    @Test
    void aRecordStampedAfterTheSealFails() throws IOException {
        // the forger's TSA backdates the seal three minutes, to before the records it re-stamped
        Path forged = rewrite(m -> {
            forger.forge(m, "data/files/0002", "threat.eml", PLANTED, true);
            m.put(BundleLayout.manifestToken("local"), forger.backdate(m.get(BundleLayout.CUSTODY_MANIFEST)).response());
            forger.resign(m);
        });
        Verification v = new BundleVerifier(forger.trust()).verify(forged, false);
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("time-order");
            assertThat(c.file()).isEqualTo("data/files/0002/item.json.local.tsr");
            assertThat(c.message()).contains("after the bundle was sealed");
        });
    }

    @Test
    void aCustodyLogOutOfTimeOrderFails() throws IOException {
        Path forged = rewrite(m -> {
            forger.forge(m, "data/files/0002", "threat.eml", PLANTED, true);
            String log = new String(m.get(BundleLayout.EVENTS), StandardCharsets.UTF_8);
            String first = log.lines().findFirst().orElseThrow();
            String backdated = first.replaceFirst("\"time\":\"\\d{4}", "\"time\":\"2099");
            m.put(BundleLayout.EVENTS, Forger.rechain(log.replace(first, backdated)));
            var manifest = Forger.manifest(m);
            var lines = new String(m.get(BundleLayout.EVENTS), StandardCharsets.UTF_8).lines().toList();
            manifest.put("custodyLogHead", org.exhibit.integrity.digest.Sha256.ofBytes(
                    (lines.get(lines.size() - 1) + "\n").getBytes(StandardCharsets.UTF_8)).hex());
            m.put(BundleLayout.CUSTODY_MANIFEST, org.exhibit.format.json.Json.MAPPER.writeValueAsBytes(manifest));
            m.put(BundleLayout.manifestToken("local"), forger.stamp(m.get(BundleLayout.CUSTODY_MANIFEST)).response());
            forger.resign(m);
        });
        Verification v = new BundleVerifier(forger.trust()).verify(forged, false);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("time-order");
            assertThat(c.message()).contains("custody/events.jsonl: line 2 is dated", "events out of time order");
        });
    }

    // 2. Ambiguous ZIP

    @Test
    void aZipWhoseLocalHeadersHoldAPlantedEntryFailsNamingIt() throws IOException {
        byte[] zip = Files.readAllBytes(sealed.bundle.file());
        byte[] ambiguous = ZipSurgery.plantBefore(zip, CHAT, PLANTED);
        Path file = Files.write(tmp.resolve("ambiguous.zip"), ambiguous);
        // the two readings really differ: a streaming reader meets the planted file, the directory the genuine one
        assertThat(new String(ZipSurgery.streamed(ambiguous, CHAT), StandardCharsets.UTF_8)).contains("I posted them");
        try (ZipFile z = ZipFile.builder().setFile(file.toFile()).get()) {
            assertThat(new String(z.getInputStream(z.getEntry(CHAT)).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("I will post them again");
        }
        Verification v = verifyAsTheAttorney(file);
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("zip");
            assertThat(c.message()).startsWith(CHAT + ": ").contains("a local header for " + CHAT,
                    "that the central directory does not list");
            assertThat(c.reason()).isEqualTo(Reason.AMBIGUOUS_ZIP);
        });
    }

    @Test
    void anEndRecordThatCountsOneEntryTooFewFails() throws IOException {
        byte[] zip = ZipSurgery.countOneTooFew(Files.readAllBytes(sealed.bundle.file()));
        Verification v = verifyAsTheAttorney(Files.write(tmp.resolve("count.zip"), zip));
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).singleElement().satisfies(c -> assertThat(c.message())
                .contains("end of central directory record counts", "readers disagree"));
    }

    @Test
    void bytesAppendedAfterTheArchiveFail() throws IOException {
        byte[] zip = Files.readAllBytes(sealed.bundle.file());
        byte[] longer = java.util.Arrays.copyOf(zip, zip.length + 16);
        Verification v = verifyAsTheAttorney(Files.write(tmp.resolve("appended.zip"), longer));
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).singleElement().satisfies(c -> assertThat(c.message())
                .contains("16 bytes after the end of the archive"));
    }

    @Test
    void aDamagedDeflateStreamNamesTheEntry() throws IOException {
        byte[] zip = Files.readAllBytes(sealed.bundle.file());
        byte[] damaged = ZipSurgery.flipInData(zip, "VERIFY.txt");
        Verification v = verifyAsTheAttorney(Files.write(tmp.resolve("inflate.zip"), damaged));
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).isNotEmpty().allSatisfy(c -> assertThat(c.message()).startsWith("VERIFY.txt: "));
    }

    // 3. Replaced or extra timestamps, TSA certificates

    @Test
    void aManifestTokenFromAnotherTsaFails() throws IOException {
        Path forged = rewrite(m -> {
            m.put(BundleLayout.manifestToken("local"), forger.stamp(m.get(BundleLayout.CUSTODY_MANIFEST)).response());
            Forger.rehashTags(m);
        });
        assertSignatureFails(verifyAsTheAttorney(forged));
    }

    @Test
    void anExtraManifestTokenFails() throws IOException {
        Path forged = rewrite(m -> {
            m.put("custody/manifest.json.evil.tsr", forger.stamp(m.get(BundleLayout.CUSTODY_MANIFEST)).response());
            m.put("custody/tsa/evil.pem", Files.readAllBytes(forger.tsa.chainPem()));
            Forger.rehashTags(m);
        });
        assertSignatureFails(verifyAsTheAttorney(forged));
    }

    @Test
    void aDeletedTsaChainFailsNamingIt() throws IOException {
        Verification v = verifyAsTheAttorney(rewrite(m -> {
            m.remove("custody/tsa/local.pem");
            Forger.rehashTags(m);
        }));
        assertSignatureFails(v);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo("custody/tsa/local.pem");
            assertThat(c.message()).contains("missing from the bundle");
        });
    }

    @Test
    void aReplacedTsaChainFails() throws IOException {
        assertSignatureFails(verifyAsTheAttorney(rewrite(m -> {
            m.put("custody/tsa/local.pem", Files.readAllBytes(forger.tsa.chainPem()));
            Forger.rehashTags(m);
        })));
    }

    // 4. Unsigned tag files

    @Test
    void aVerifyTxtRewrittenToNoverifyFails() throws IOException {
        assertSignatureFails(verifyAsTheAttorney(rewrite(m -> {
            m.put("VERIFY.txt", new String(m.get("VERIFY.txt"), StandardCharsets.UTF_8)
                    .replace("openssl ts -verify", "openssl ts -verify -noverify").getBytes(StandardCharsets.UTF_8));
            Forger.rehashTags(m);
        })));
    }

    @Test
    void aChangedContactNameFails() throws IOException {
        assertSignatureFails(verifyAsTheAttorney(rewrite(m -> {
            m.put("bag-info.txt", new String(m.get("bag-info.txt"), StandardCharsets.UTF_8)
                    .replace("Contact-Name: Dana Reyes", "Contact-Name: Someone Else").getBytes(StandardCharsets.UTF_8));
            Forger.rehashTags(m);
        })));
    }

    @Test
    void aDeletedVerifyTxtFails() throws IOException {
        Verification v = verifyAsTheAttorney(rewrite(m -> {
            m.remove("VERIFY.txt");
            Forger.rehashTags(m);
        }));
        assertSignatureFails(v);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo("VERIFY.txt");
            assertThat(c.message()).contains("missing from the bundle");
        });
    }

    @Test
    void anAddedCustodyNoteFails() throws IOException {
        assertSignatureFails(verifyAsTheAttorney(rewrite(m -> {
            m.put("custody/notes.txt", "The victim admitted posting the images.\n".getBytes(StandardCharsets.UTF_8));
            Forger.rehashTags(m);
        })));
    }

    // Hostile DER

    @Test
    void malformedSignaturesAndTokensFailNamingTheFileInsteadOfStopping() throws IOException {
        byte[][] garbage = {{0x30, 0x03, 0x02, 0x01, 0x05}, {0x30, (byte) 0x80, 0x00}, {0x04, 0x00},
                "not DER at all".getBytes(StandardCharsets.US_ASCII), {}};
        for (byte[] g : garbage) {
            Verification sig = verifyAsTheAttorney(rewrite(m -> m.put(BundleLayout.TAG_SIGNATURE, g)));
            assertThat(sig.outcome()).as(java.util.Arrays.toString(g)).isEqualTo(Verification.Outcome.FAILED);
            assertThat(sig.failures()).anySatisfy(c -> assertThat(c.file()).isEqualTo(BundleLayout.TAG_SIGNATURE));
            String token = "data/files/0001/item.json.local.tsr";
            Verification tsr = verifyAsTheAttorney(rewrite(m -> m.put(token, g)));
            assertThat(tsr.outcome()).isEqualTo(Verification.Outcome.FAILED);
            assertThat(tsr.failures()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("timestamp");
                assertThat(c.file()).isEqualTo(token);
            });
        }
    }

    @Test
    void theGenuineBundleStillVerifiesStrictly() {
        Verification v = new BundleVerifier(sealed.trust()).verify(sealed.bundle.file(), true);
        assertThat(v.checks()).filteredOn(c -> c.status() != Check.Status.PASS).isEmpty();
        assertThat(v.outcome().exitCode()).isZero();
    }

    private static void assertSignatureFails(Verification v) {
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.outcome().exitCode()).isEqualTo(1);
        assertThat(v.failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("signature");
            assertThat(c.file()).isEqualTo(BundleLayout.TAG_SIGNATURE);
            assertThat(c.message()).contains("signature does not match tagmanifest-sha256.txt");
            assertThat(c.reason()).isEqualTo(Reason.SIGNATURE_INVALID);
        });
    }
}
