package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed bundle checked with unzip, sha256sum and openssl alone, and VERIFY.txt's commands as written. */
class StandardToolsTest {
    @TempDir
    static Path tmp;
    static SealedCase sealed;
    static Path extracted;

    @BeforeAll
    static void sealAndUnzip() throws Exception {
        sealed = new SealedCase(tmp).withEvidence().seal();
        Path bundle = sealed.bundle.file();
        Tool unzip = Tool.run(bundle.getParent(), "unzip", "-q", bundle.getFileName().toString(), "-d", "x");
        assertThat(unzip.exitCode()).as(unzip.output()).isZero();
        extracted = bundle.getParent().resolve("x");
    }

    @AfterAll
    static void stop() {
        sealed.close();
    }

    @Test
    void sha256sumChecksEveryPayloadFile() throws Exception {
        Tool t = Tool.run(extracted, "sha256sum", "-c", "--strict", "manifest-sha256.txt");
        assertThat(t.exitCode()).as(t.output()).isZero();
        assertThat(t.output().lines()).hasSize(13).allMatch(l -> l.endsWith(": OK"));
        assertThat(t.output()).contains("data/files/0001/chat.png: OK", "data/captures/0001/capture.json: OK");
    }

    @Test
    void sha256sumChecksEveryTagFile() throws Exception {
        Tool t = Tool.run(extracted, "sha256sum", "-c", "--strict", "tagmanifest-sha256.txt");
        assertThat(t.exitCode()).as(t.output()).isZero();
        assertThat(t.output()).contains("custody/manifest.json: OK", "custody/events.jsonl: OK", "VERIFY.txt: OK",
                "manifest-sha256.txt: OK", "bag-info.txt: OK");
    }

    @Test
    void opensslVerifiesTheInvestigatorsSignature() throws Exception {
        Tool t = Tool.run(extracted, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt",
                "-CAfile", "custody/investigator.pem", "-purpose", "any", "-out", "/dev/null");
        assertThat(t.exitCode()).as(t.output()).isZero();
        assertThat(t.output()).contains("Verification successful");
    }

    @Test
    void opensslVerifiesTheManifestAndEveryRecordTimestamp() throws Exception {
        List<String> tokens = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(extracted)) {
            walk.filter(p -> p.toString().endsWith(".tsr")).forEach(p -> tokens.add(extracted.relativize(p).toString()));
        }
        assertThat(tokens).containsExactlyInAnyOrder("custody/manifest.json.local.tsr",
                "data/captures/0001/capture.json.local.tsr", "data/files/0001/item.json.local.tsr",
                "data/files/0002/item.json.local.tsr");
        for (String token : tokens) {
            String data = token.substring(0, token.length() - ".local.tsr".length());
            Tool t = Tool.run(extracted, "openssl", "ts", "-verify", "-data", data, "-in", token,
                    "-CAfile", sealed.tsa.rootPem().toString(), "-untrusted", "custody/tsa/local.pem");
            assertThat(t.exitCode()).as(token + ": " + t.output()).isZero();
            assertThat(t.output()).as(token).contains("Verification: OK");
        }
    }

    @Test
    void everyCommandInVerifyTxtWorksAsWritten() throws Exception {
        Path verify = extracted.resolve("VERIFY.txt");
        List<String> commands = Files.readAllLines(verify).stream().filter(l -> l.startsWith("$ "))
                .map(l -> l.substring(2)).toList();
        assertThat(commands).anyMatch(c -> c.startsWith("unzip -q 2026-017-20261124T101500Z.zip"))
                .anyMatch(c -> c.contains("openssl ts -verify -data data/files/0002/item.json"
                        + " -in data/files/0002/item.json.local.tsr"))
                .anyMatch(c -> c.contains("openssl ts -verify -data custody/manifest.json"
                        + " -in custody/manifest.json.local.tsr"))
                .anyMatch(c -> c.startsWith("openssl cms -verify"));
        Path script = tmp.resolve("verify.sh");
        Files.writeString(script, "set -e\n" + String.join("\n", commands) + "\n");
        Tool t = Tool.run(sealed.bundle.file().getParent(), "bash", script.toString());
        assertThat(t.exitCode()).as(t.output()).isZero();
        assertThat(t.output()).contains("CMS Verification successful", "manifest binds manifest-sha256.txt: OK",
                "custody log: 7 lines chained: OK", "manifest binds custody/events.jsonl: OK");
        assertThat(t.output().lines().filter(l -> l.equals("Verification: OK"))).hasSize(4);
    }
}
