package org.exhibit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.integrity.bundle.BundleSealer;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.ArtifactDescriber;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.Ingest;
import org.exhibit.integrity.workspace.ItemOutcome;
import org.exhibit.integrity.workspace.RecordStamper;

/**
 * A case made with the real workspace, stamped by Exhibit's TSA on 127.0.0.1 and sealed by {@link BundleSealer}:
 * captures with {@link CaseFixture}'s images and records, one ingested photo.
 */
final class SealedFixture implements AutoCloseable {
    static final Instant SEALED_AT = Instant.parse("2026-11-24T12:00:00Z");

    final Identity investigator;
    final LocalTsa tsa;
    final TsaServer server;
    final CaseWorkspace workspace;
    final CaseFixture content;
    final Path bundle;

    SealedFixture(Path root, int captures) throws Exception {
        investigator = new IdentityStore(root.resolve("home")).create("Dana Reyes", "Reyes Law", "dana@example.org",
                "correct horse battery staple".toCharArray(), false);
        tsa = LocalTsa.open(root.resolve("home/tsa"));
        server = TsaServer.start(tsa, 0);
        Timestamper timestamper = new Timestamper(List.of(server.endpoint()), TrustAnchors.none().with(tsa.root()));
        workspace = CaseWorkspace.init(root.resolve("case"), "2026-017", "Reposts of J.D.", investigator.publicInfo());
        content = new CaseFixture(workspace.root(), 17);
        RecordStamper stamper = new RecordStamper(workspace, timestamper, investigator.actor());
        for (int n = 1; n <= captures; n++) {
            Path folder = workspace.newCaptureDir();
            ObjectNode record = content.captureFiles(folder, n, investigator.name(), investigator.fingerprint());
            Path json = folder.resolve(CaptureFolder.RECORD);
            Json.write(json, record);
            if (!stamper.stamp(json).stamped()) {
                throw new IllegalStateException("capture " + n + " was not stamped");
            }
        }
        Path photo = content.photo(root.resolve("inbox/photo-1.jpg"));
        Ingest ingest = new Ingest(workspace, stamper, investigator.actor(), ArtifactDescriber.mediaTypeOnly());
        for (ItemOutcome o : ingest.ingest(List.of(photo), "sent by the victim")) {
            if (!o.ingested() || !o.stamp().stamped()) {
                throw new IllegalStateException("ingest failed: " + o.error());
            }
        }
        Path out = Files.createDirectories(root.resolve("sealed"));
        bundle = new BundleSealer(investigator, timestamper, "0.1.0-test", Clock.fixed(SEALED_AT, ZoneOffset.UTC))
                .seal(workspace, out).file();
    }

    /** What an attorney who was handed the TSA root and the investigator's certificate trusts. */
    TrustAnchors trust() {
        return TrustAnchors.none().with(tsa.root()).with(investigator.certificate());
    }

    @Override
    public void close() {
        server.close();
    }
}
