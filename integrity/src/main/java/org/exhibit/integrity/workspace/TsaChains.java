package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.timestamp.StampedToken;

/** Keeps each TSA's certificate chain in {@code custody/tsa/<tsa>.pem}: as first received, plus any new certificate. */
final class TsaChains {
    private static final Object LOCK = new Object();

    private TsaChains() {
    }

    static void keep(Path tsaDir, StampedToken token) throws IOException {
        Path pem = tsaDir.resolve(token.tsa().name() + ".pem");
        synchronized (LOCK) {
            String existing = Files.exists(pem) ? Files.readString(pem, StandardCharsets.US_ASCII) : "";
            StringBuilder added = new StringBuilder();
            for (X509Certificate cert : token.tsaChain()) {
                String block = pem(cert);
                if (!existing.contains(block)) {
                    added.append(block);
                }
            }
            if (added.length() > 0) {
                Json.writeAtomically(pem, (existing + added).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static String pem(X509Certificate cert) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(cert);
        }
        return out.toString();
    }
}
