package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealAndVerifyTest {
    @TempDir
    static Path tmp;
    static SealedCase sealed;

    @BeforeAll
    static void seal() throws Exception {
        sealed = new SealedCase(tmp).withEvidence().seal();
    }

    @AfterAll
    static void stop() {
        sealed.close();
    }

    @Test
    void aSealedBundleVerifies() {
        Verification v = new BundleVerifier(sealed.trust()).verify(sealed.bundle.file(), false);
        assertThat(v.failures()).isEmpty();
        assertThat(v.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(sealed.bundle.file().getFileName().toString()).isEqualTo("2026-017-20261124T101500Z.zip");
    }

    @Test
    void listsEntriesSortedWithTheSealTime() throws Exception {
        try (SafeZip zip = SafeZip.open(sealed.bundle.file(), ZipLimits.DEFAULT)) {
            List<String> names = zip.entries().stream().map(SafeZip.Entry::name).toList();
            assertThat(names).isSorted();
            assertThat(names).contains("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                    "VERIFY.txt", "tagmanifest-sha256.txt.p7s", "custody/manifest.json", "custody/manifest.json.local.tsr",
                    "custody/events.jsonl", "custody/investigator.pem", "custody/tsa/local.pem",
                    "data/captures/0001/capture.json", "data/captures/0001/capture.json.local.tsr",
                    "data/files/0001/chat.png", "data/files/0001/item.json", "data/files/0001/item.json.local.tsr",
                    "data/files/0002/threat.eml");
            assertThat(names).noneMatch(n -> n.startsWith(".work") || n.equals("case.json"));
            assertThat(names).doesNotContain("custody/manifest.json.p7s");
            for (SafeZip.Entry e : zip.entries()) {
                boolean text = e.name().endsWith(".json") || e.name().endsWith(".txt") || e.name().endsWith(".eml")
                        || e.name().endsWith(".html") || e.name().endsWith(".jsonl") || e.name().endsWith(".pem");
                assertThat(e.stored()).as(e.name() + " stored").isEqualTo(!text);
            }
        }
    }

    @Test
    void bagInfoCarriesThePayloadOxumAndFormat() throws Exception {
        try (SafeZip zip = SafeZip.open(sealed.bundle.file(), ZipLimits.DEFAULT)) {
            TagFile info = TagFile.parse("bag-info.txt", zip.readAll(zip.entry("bag-info.txt"), 1 << 16));
            long octets = 0;
            long files = 0;
            for (SafeZip.Entry e : zip.entries()) {
                if (e.name().startsWith("data/")) {
                    octets += e.size();
                    files++;
                }
            }
            assertThat(info.value("Payload-Oxum")).isEqualTo(octets + "." + files);
            assertThat(info.value("Exhibit-Format")).isEqualTo("2");
            assertThat(info.value("External-Identifier")).isEqualTo("2026-017");
            assertThat(info.value("Contact-Name")).isEqualTo("Dana Reyes");
            assertThat(info.value("Bagging-Date")).isEqualTo("2026-11-24");
        }
        assertThat(Files.readString(sealed.workspace.eventsFile())).contains("\"action\":\"sealed\"",
                "\"action\":\"exported\"");
    }
}
