package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSDataGroup;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordSelector;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordStore;
import org.bouncycastle.tsp.ers.ERSException;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.ers.EvidenceRecords;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.ArtifactDescriber;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.Ingest;
import org.exhibit.integrity.workspace.RecordStamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle sealed with a TSA whose certificate lives one hour, renewed twice (a new archive timestamp 30 minutes
 * later, then a SHA-512 hash tree 40 minutes later, by a second TSA whose clock is set there), verified two hours
 * later, after the first certificate expired.
 */
class EvidenceRecordTest {
    @TempDir
    static Path tmp;
    static Identity dana;
    static LocalTsa shortLived;
    static LocalTsa second;
    static TsaServer first;
    static TsaServer later;
    static TsaServer evenLater;
    static Path sealed;
    static Path renewed;
    static Path renewedTwice;
    static Instant expired;
    static TrustAnchors trust;

    @BeforeAll
    static void sealAndRenewTwice() throws Exception {
        Instant now = Instant.now();
        dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", "Reyes Law", null, "pw".toCharArray(),
                false);
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("case"), "2026-017", "Reposts of J.D.", dana.publicInfo());
        shortLived = LocalTsa.open(tmp.resolve("tsa-short"), Duration.ofHours(1));
        second = LocalTsa.open(tmp.resolve("tsa-second"));
        first = TsaServer.start(shortLived, 0);
        later = TsaServer.start(second, 0, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30)));
        evenLater = TsaServer.start(second, 0, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(40)));
        trust = TrustAnchors.none().with(shortLived.root(), second.root()).with(dana.certificate());
        Timestamper stamper = new Timestamper(List.of(first.endpoint()), trust);
        Ingest ingest = new Ingest(ws, new RecordStamper(ws, stamper, dana.actor()), dana.actor(),
                ArtifactDescriber.mediaTypeOnly());
        ingest.ingest(Files.writeString(tmp.resolve("chat.txt"), "you will regret this\n"), null);
        ingest.ingest(Files.writeString(tmp.resolve("mail.eml"), "Subject: again\n\nI will post them.\n"), null);
        sealed = new BundleSealer(dana, stamper, "0.1.0-test").seal(ws, Files.createDirectories(tmp.resolve("out")))
                .file();
        renewed = tmp.resolve("renewed.zip");
        BundleRenewer.renew(sealed, renewed, new Timestamper(List.of(later.endpoint()), trust), null);
        renewedTwice = tmp.resolve("renewed-twice.zip");
        BundleRenewer.renew(renewed, renewedTwice, new Timestamper(List.of(evenLater.endpoint()), trust),
                "sha512");
        expired = now.plus(Duration.ofHours(2));
        assertThat(shortLived.certificate().getNotAfter().toInstant()).isBefore(expired);
    }

    @AfterAll
    static void stop() {
        first.close();
        later.close();
        evenLater.close();
    }

    @Test
    void aFreshBundleCarriesAnEvidenceRecordThatVerifiesNow() {
        Verification v = new BundleVerifier(trust).verify(sealed, true);
        assertThat(v.failures()).isEmpty();
        assertThat(v.warnings()).isEmpty();
        assertThat(v.checks()).filteredOn(c -> c.name().equals("evidence-record")).extracting(Check::message)
                .anyMatch(m -> m.contains("hash tree 1 (SHA-256) covers all"));
    }

    @Test
    void renewalChangesOnlyTheEvidenceRecord() throws Exception {
        Map<String, byte[]> before = Tamper.read(sealed);
        Map<String, byte[]> after = Tamper.read(renewedTwice);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String name : before.keySet()) {
            if (!name.equals(BundleLayout.EVIDENCE_RECORD)) {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            }
        }
        assertThat(after.get(BundleLayout.EVIDENCE_RECORD)).isNotEqualTo(before.get(BundleLayout.EVIDENCE_RECORD));
        List<EvidenceRecords.Stamp> stamps = BundleRenewer.stamps(renewedTwice);
        assertThat(stamps).extracting(EvidenceRecords.Stamp::chain).containsExactly(0, 0, 1);
        assertThat(stamps).extracting(EvidenceRecords.Stamp::algorithm).containsExactly("SHA-256", "SHA-256",
                "SHA-512");
        assertThat(stamps.get(0).notAfter()).isEqualTo(shortLived.certificate().getNotAfter().toInstant());
        assertThat(stamps.get(2).notAfter()).isEqualTo(second.certificate().getNotAfter().toInstant());
    }

    @Test
    void theTwiceRenewedBundleVerifiesAfterTheFirstTsaCertificateExpired() {
        Verification v = new BundleVerifier(trust).at(expired).verify(renewedTwice, true);
        assertThat(v.failures()).isEmpty();
        assertThat(v.warnings()).isEmpty();
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(v.checks()).filteredOn(c -> c.name().equals("evidence-record")).hasSize(5);
    }

    @Test
    void withoutRenewalTheSameProofHasLapsedByThen() {
        Verification v = new BundleVerifier(trust).at(expired).verify(sealed, false);
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.FAILED);
        assertThat(v.failures()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("evidence-record");
            assertThat(c.reason()).isEqualTo(Reason.EVIDENCE_RECORD_INVALID);
            assertThat(c.message()).contains("archive timestamp 1", "not valid at " + expired, "renew it");
        });
    }

    @Test
    void everySingleByteChangeOfAnyFileIsDetectedNamingTheFile() throws Exception {
        Map<String, byte[]> entries = Tamper.read(renewedTwice);
        int n = 0;
        for (String name : entries.keySet()) {
            Path tampered = Tamper.rewrite(renewedTwice, tmp.resolve("flip-" + (++n) + ".zip"), Tamper.flip(name, -1));
            Verification v = new BundleVerifier(trust).at(expired).verify(tampered, false);
            assertThat(v.outcome()).as(name).isEqualTo(Verification.Outcome.FAILED);
            // the file itself is named; a changed evidence record names itself
            assertThat(v.failures()).as(name).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("evidence-record");
                assertThat(c.file()).isEqualTo(name);
            });
            if (!name.equals(BundleLayout.EVIDENCE_RECORD)) {
                assertThat(v.failures()).as(name).filteredOn(c -> c.name().equals("evidence-record"))
                        .extracting(Check::file).containsOnly(name);
            }
            Files.delete(tampered);
        }
    }

    @Test
    void aRemovedFileFailsTheEvidenceRecordAndAnAddedOneIsNamed() throws Exception {
        String chat = Tamper.read(renewedTwice).keySet().stream().filter(k -> k.endsWith("chat.txt")).findFirst()
                .orElseThrow();
        Path removed = Tamper.rewrite(renewedTwice, tmp.resolve("removed.zip"), Tamper.delete(chat));
        assertThat(new BundleVerifier(trust).at(expired).verify(removed, false).failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("evidence-record");
            assertThat(c.message()).contains("covers 1 file(s) the bundle does not hold");
        });
        Path added = Tamper.rewrite(renewedTwice, tmp.resolve("added.zip"), Tamper.add("custody/note.txt", "hi\n"));
        assertThat(new BundleVerifier(trust).at(expired).verify(added, false).failures()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("evidence-record");
            assertThat(c.file()).isEqualTo("custody/note.txt");
        });
    }

    @Test
    void renewalRefusesABundleWhoseEvidenceRecordDoesNotHold() throws Exception {
        String chat = Tamper.read(renewed).keySet().stream().filter(k -> k.endsWith("chat.txt")).findFirst()
                .orElseThrow();
        Path tampered = Tamper.rewrite(renewed, tmp.resolve("tampered.zip"), Tamper.flip(chat, -1));
        Path target = tmp.resolve("laundered.zip");
        assertThatThrownBy(() -> BundleRenewer.renew(tampered, target,
                new Timestamper(List.of(later.endpoint()), trust), null))
                .isInstanceOf(SealException.class).hasMessageContaining("cannot renew: " + chat + ": not as");
        assertThat(target).doesNotExist();
        Path without = Tamper.rewrite(renewed, tmp.resolve("without.zip"), Tamper.delete(BundleLayout.EVIDENCE_RECORD));
        assertThatThrownBy(() -> BundleRenewer.renew(without, target,
                new Timestamper(List.of(later.endpoint()), trust), "sha512"))
                .isInstanceOf(SealException.class).hasMessageContaining("has no evidence-record.ers");
    }

    @Test
    void bouncyCastlesOwnValidationAgreesAsASecondOpinion() throws Exception {
        Map<String, byte[]> entries = Tamper.read(renewedTwice);
        ERSEvidenceRecord record = new ERSEvidenceRecord(entries.get(BundleLayout.EVIDENCE_RECORD),
                EvidenceRecords.DIGESTS);
        ERSDataGroup all = group(entries, null);
        record.validatePresent(all, Date.from(expired));
        record.validate(new JcaSimpleSignerInfoVerifierBuilder().build(second.certificate()));
        // the store finds the sealed (one hash tree) record by any one file's bytes
        Map<String, byte[]> original = Tamper.read(sealed);
        ERSEvidenceRecord first = new ERSEvidenceRecord(original.get(BundleLayout.EVIDENCE_RECORD),
                EvidenceRecords.DIGESTS);
        byte[] chat = original.entrySet().stream().filter(e -> e.getKey().endsWith("chat.txt")).findFirst()
                .orElseThrow().getValue();
        assertThat(new ERSEvidenceRecordStore(List.of(first))
                .getMatches(new ERSEvidenceRecordSelector(new ERSByteData(chat)))).containsExactly(first);
        assertThat(new ERSEvidenceRecordStore(List.of(first))
                .getMatches(new ERSEvidenceRecordSelector(new ERSByteData("other".getBytes())))).isEmpty();
        String changed = entries.keySet().stream().filter(k -> k.endsWith("chat.txt")).findFirst().orElseThrow();
        assertThatThrownBy(() -> record.validatePresent(group(entries, changed), Date.from(expired)))
                .isInstanceOf(ERSException.class);
    }

    /** Every file but the evidence record, as Bouncy Castle's own data objects; {@code flip}'s last byte changed. */
    private static ERSDataGroup group(Map<String, byte[]> entries, String flip) {
        List<ERSData> data = new ArrayList<>();
        entries.forEach((name, content) -> {
            if (!name.equals(BundleLayout.EVIDENCE_RECORD)) {
                byte[] c = content.clone();
                if (name.equals(flip)) {
                    c[c.length - 1] ^= 1;
                }
                data.add(new ERSByteData(c));
            }
        });
        return new ERSDataGroup(data);
    }
}
