package org.exhibit.integrity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsSignatureTest {
    @TempDir
    Path dir;
    Identity id;

    @BeforeEach
    void identity() throws Exception {
        IdentityStore store = new IdentityStore(dir.resolve("home"));
        id = store.create("Dana Reyes", "Reyes Law", "dana@reyes.example", "pass phrase".toCharArray(), false);
        Files.writeString(dir.resolve("investigator.pem"), id.publicInfo().chainPem());
    }

    private OpenSslRun opensslVerify(String content) throws Exception {
        return OpenSslRun.in(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", content + ".p7s",
                "-content", content, "-CAfile", "investigator.pem", "-purpose", "any", "-out", "/dev/null");
    }

    private void sign(Path content) throws Exception {
        try (InputStream in = Files.newInputStream(content)) {
            Files.write(content.resolveSibling(content.getFileName() + ".p7s"), id.signDetached(in));
        }
    }

    @Test
    void detachedSignatureVerifiesWithOpenssl() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"caseId\":\"2026-017\"}\n");
        sign(dir.resolve("manifest.json"));

        OpenSslRun run = opensslVerify("manifest.json");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Verification successful");

        OpenSslRun info = OpenSslRun.in(dir, "cms", "-cmsout", "-print", "-inform", "DER", "-in", "manifest.json.p7s");
        assertThat(info.output()).contains("ecdsa-with-SHA256", "eContent: <ABSENT>", "Dana Reyes");
    }

    @Test
    void openSslRejectsTheSignatureWhenOneByteOfContentChanges() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, "{\"caseId\":\"2026-017\"}\n");
        sign(manifest);
        Files.writeString(manifest, "{\"caseId\":\"2026-018\"}\n");

        OpenSslRun run = opensslVerify("manifest.json");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("CMS Verification failure");
    }

    @Test
    void largeContentIsStreamedAndVerifies() throws Exception {
        Path big = dir.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 24; i++) {
                out.write(block);
            }
        }
        sign(big);
        assertThat(Files.size(dir.resolve("big.bin.p7s"))).isLessThan(4096);
        OpenSslRun run = opensslVerify("big.bin");
        assertThat(run.exit()).as(run.output()).isZero();
    }
}
