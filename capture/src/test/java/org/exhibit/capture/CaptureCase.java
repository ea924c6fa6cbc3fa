package org.exhibit.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.interact.Interactions;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.CaseWorkspace;

/** A case workspace with an investigator and a real RFC 3161 TSA on 127.0.0.1, ready to capture into. */
final class CaptureCase implements AutoCloseable {
    /** Bounds for tests: quick to notice a never-ending page, generous for a loaded machine. */
    static final PageTimeouts TIMEOUTS = new PageTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5),
            Duration.ofMillis(500), Duration.ofSeconds(30), 30, Duration.ofSeconds(30));

    final Identity dana;
    final CaseWorkspace ws;
    final TsaServer tsa;

    private final java.util.List<Capturer> capturers = new java.util.ArrayList<>();

    CaptureCase(Path tmp) throws Exception {
        dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", "Reyes Law", null, "pw".toCharArray(), false);
        ws = CaseWorkspace.init(tmp.resolve("case"), "2026-017", "Reposts of J.D.", dana.publicInfo());
        tsa = TsaServer.start(LocalTsa.open(tmp.resolve("home/tsa")), 0);
    }

    Timestamper timestamper() {
        return new Timestamper(List.of(tsa.endpoint()), TrustAnchors.none().with(tsa.tsa().root()));
    }

    /** A capturer closed (its browsers quit) with this case. */
    Capturer capturer(PageTimeouts timeouts) {
        return capturer(timeouts, Interactions.DEFAULT);
    }

    /** A capturer closed with this case, that clicks what {@code interactions} allows. */
    Capturer capturer(PageTimeouts timeouts, Interactions interactions) {
        Capturer c = new Capturer(ws, dana.publicInfo(), CaptureOptions.defaults().withTimeouts(timeouts)
                .withInteractions(interactions).withTimestamper(timestamper()));
        capturers.add(c);
        return c;
    }

    @Override
    public void close() {
        capturers.forEach(Capturer::close);
        tsa.close();
    }
}
