package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.digest.Sha256;

/** Checks a WACZ's datapackage.json against the files it holds. */
final class WaczCheck {
    private WaczCheck() {
    }

    static void datapackageMatches(Path wacz) throws Exception {
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            JsonNode pkg;
            try (InputStream in = zip.getInputStream(zip.getEntry("datapackage.json"))) {
                pkg = Json.MAPPER.readTree(in);
            }
            assertThat(pkg.get("resources")).isNotEmpty();
            for (JsonNode res : pkg.get("resources")) {
                ZipEntry e = zip.getEntry(res.get("path").asText());
                assertThat(e).as(res.get("path").asText()).isNotNull();
                try (InputStream in = zip.getInputStream(e)) {
                    assertThat("sha256:" + Sha256.of(in).hex()).as(e.getName()).isEqualTo(res.get("hash").asText());
                }
                assertThat(e.getSize()).isEqualTo(res.get("bytes").asLong());
            }
        }
    }
}
