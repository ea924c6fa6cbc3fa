package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaEndpoint;
import org.exhibit.integrity.timestamp.TsaServer;

/** A case with an investigator and a real RFC 3161 TSA on 127.0.0.1. */
final class CaseFixture implements AutoCloseable {
    final Identity dana;
    final CaseWorkspace ws;
    final TsaServer tsa;

    CaseFixture(Path tmp) throws Exception {
        dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", "Reyes Law", null, "pw".toCharArray(), false);
        ws = CaseWorkspace.init(tmp.resolve("case"), "2026-017", "Reposts of J.D.", dana.publicInfo());
        tsa = TsaServer.start(LocalTsa.open(tmp.resolve("home/tsa")), 0);
    }

    Timestamper timestamper() {
        return new Timestamper(List.of(tsa.endpoint()), TrustAnchors.none().with(tsa.tsa().root()));
    }

    /** A TSA URL on a loopback port that was just closed: every request is refused. */
    static Timestamper unreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TsaEndpoint closed = TsaEndpoint.of("http://127.0.0.1:" + port + "/tsr");
        return new Timestamper(List.of(closed), TrustAnchors.none(), Duration.ofSeconds(2), Duration.ofSeconds(2), 0);
    }

    RecordStamper stamper(Timestamper t) {
        return new RecordStamper(ws, t, dana.actor());
    }

    Ingest ingest(Timestamper t, ArtifactDescriber describer) {
        return new Ingest(ws, stamper(t), dana.actor(), describer);
    }

    @Override
    public void close() {
        tsa.close();
    }
}
