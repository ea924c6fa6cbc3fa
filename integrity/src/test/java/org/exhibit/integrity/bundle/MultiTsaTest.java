package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaEndpoint;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.ArtifactDescriber;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.Ingest;
import org.exhibit.integrity.workspace.ItemOutcome;
import org.exhibit.integrity.workspace.RecordStamper;
import org.exhibit.integrity.workspace.StampOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two independent TSAs (two keys, two roots, two ports): every record and the manifest carry a token of each. */
class MultiTsaTest {
    @TempDir
    Path tmp;

    @Test
    void eachTsaStampsEveryRecordAndOneDownLeavesItsStampPendingUntilStampFillsIt() throws Exception {
        Identity dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", "Reyes Law", null,
                "pw".toCharArray(), false);
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("case"), "2026-017", "Reposts of J.D.", dana.publicInfo());
        LocalTsa a = LocalTsa.open(tmp.resolve("tsa-a"));
        LocalTsa b = LocalTsa.open(tmp.resolve("tsa-b"));
        assertThat(a.root()).isNotEqualTo(b.root());
        TsaServer serverA = TsaServer.start(a, 0);
        TsaServer serverB = TsaServer.start(b, 0);
        int portB = serverB.url().getPort();
        TrustAnchors anchors = TrustAnchors.none().with(a.root(), b.root());
        // as `exhibit tsa serve` on two ports and two --tsa URLs: named by host and port
        TsaEndpoint endpointA = TsaEndpoint.of(serverA.url().toString());
        TsaEndpoint endpointB = TsaEndpoint.of(serverB.url().toString());
        Timestamper both = new Timestamper(List.of(endpointA, endpointB), anchors,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0);
        String nameA = endpointA.name();
        String nameB = endpointB.name();
        RecordStamper stamper = new RecordStamper(ws, both, dana.actor());
        Ingest ingest = new Ingest(ws, stamper, dana.actor(), ArtifactDescriber.mediaTypeOnly());
        try {
            ItemOutcome first = ingest.ingest(Files.writeString(tmp.resolve("chat.txt"), "you will regret this\n"),
                    null);
            assertThat(first.stamp().complete()).isTrue();
            Path record1 = ws.filesDir().resolve("0001/item.json");
            assertThat(record1.resolveSibling("item.json." + nameA + ".tsr")).exists();
            assertThat(record1.resolveSibling("item.json." + nameB + ".tsr")).exists();

            serverB.close();
            ItemOutcome second = ingest.ingest(Files.writeString(tmp.resolve("mail.txt"), "I will post them\n"),
                    null);
            assertThat(second.ingested()).isTrue();
            assertThat(second.stamp().stamped()).isTrue();
            assertThat(second.stamp().complete()).isFalse();
            assertThat(second.stamp().problem()).contains(nameB).doesNotContain(nameA);
            Path record2 = ws.filesDir().resolve("0002/item.json");
            assertThat(record2.resolveSibling("item.json." + nameA + ".tsr")).exists();
            assertThat(record2.resolveSibling("item.json." + nameB + ".tsr")).doesNotExist();
            assertThat(stamper.pending()).containsExactly(record2);
            assertThat(RecordStamper.pending(ws)).isEmpty();   // none lacks every token
            // what `exhibit case` lists: the record and the TSA it still waits for, from the custody log
            assertThat(RecordStamper.waitingFor(ws)).containsOnlyKeys(record2).containsEntry(record2, List.of(nameB));

            // sealed while B is down: one manifest token; verifies, with the missing stamps as warnings
            Timestamper onlyA = new Timestamper(List.of(endpointA), anchors);
            SealedBundle early = new BundleSealer(dana, both, "0.1.0-test",
                    Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneOffset.UTC))
                    .seal(ws, Files.createDirectories(tmp.resolve("early")));
            assertThat(early.manifestTokens()).hasSize(1);
            assertThat(early.warnings()).anyMatch(w -> w.contains(nameB));
            TrustAnchors trust = anchors.with(dana.certificate());
            Verification lenient = new BundleVerifier(trust).verify(early.file(), false);
            assertThat(lenient.failures()).isEmpty();
            assertThat(lenient.warnings()).extracting(Check::reason).contains(Reason.STAMP_PENDING);
            assertThat(lenient.warnings()).extracting(Check::file)
                    .contains("data/files/0002/item.json", "custody/manifest.json");
            assertThat(new BundleVerifier(trust).verify(early.file(), true).outcome())
                    .isEqualTo(Verification.Outcome.FAILED);
            assertThat(onlyA.names()).containsExactly(nameA);

            // B is back on its port: stamp fills only the gap
            serverB = TsaServer.start(b, portB);
            List<StampOutcome> filled = stamper.stampPending();
            assertThat(filled).singleElement().satisfies(o -> {
                assertThat(o.record()).isEqualTo(record2);
                assertThat(o.complete()).isTrue();
                assertThat(o.tokens()).extracting(t -> t.tsa().name()).containsExactly(nameB);
            });
            assertThat(stamper.pending()).isEmpty();
            assertThat(RecordStamper.waitingFor(ws)).isEmpty();
            List<CustodyEvent> events = ws.custody().events();
            assertThat(events.stream().filter(e -> e.action().equals(CustodyEvent.TIMESTAMPED)).count())
                    .isEqualTo(4);
            assertThat(events.stream().filter(e -> e.action().equals(CustodyEvent.TIMESTAMP_PENDING)).count())
                    .isEqualTo(1);

            SealedBundle sealed = new BundleSealer(dana, both, "0.1.0-test",
                    Clock.fixed(Instant.parse("2026-11-24T11:15:00Z"), ZoneOffset.UTC))
                    .seal(ws, Files.createDirectories(tmp.resolve("out")));
            assertThat(sealed.manifestTokens()).extracting(t -> t.tsa().name()).containsExactly(nameA, nameB);
            Verification strict = new BundleVerifier(trust).verify(sealed.file(), true);
            assertThat(strict.failures()).isEmpty();
            assertThat(strict.warnings()).isEmpty();
            assertThat(strict.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
            assertThat(strict.checks()).filteredOn(c -> c.name().equals("timestamp")).extracting(Check::file)
                    .contains("custody/manifest.json." + nameA + ".tsr", "custody/manifest.json." + nameB + ".tsr",
                            "data/files/0002/item.json." + nameA + ".tsr",
                            "data/files/0002/item.json." + nameB + ".tsr");
        } finally {
            serverA.close();
            serverB.close();
        }
    }
}
