package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsaEndpointTest {
    @TempDir
    Path dir;

    @Test
    void aUrlIsNamedAfterItsHostAndPort() {
        assertThat(TsaEndpoint.of("http://TimeStamp.Example.org/tsa")).isEqualTo(
                new TsaEndpoint("timestamp.example.org", URI.create("http://TimeStamp.Example.org/tsa")));
        assertThat(TsaEndpoint.of("http://127.0.0.1:3161/tsr").name()).isEqualTo("127.0.0.1-3161");
        assertThat(TsaEndpoint.of("https://[::1]:8443/").name()).isEqualTo("1-8443");
    }

    @Test
    void localIsNotAUrlAndSaysWhoResolvesIt() {
        assertThatThrownBy(() -> TsaEndpoint.of("local")).hasMessageContaining("start a TsaServer");
        assertThat(TsaEndpoint.local(URI.create("http://127.0.0.1:1/tsr")).name()).isEqualTo("local");
    }

    @Test
    void whatIsNotAnHttpUrlIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> TsaEndpoint.of("tsa.example.org"))
                .hasMessage("expected a TSA URL (http://host/path) or 'local', got tsa.example.org");
        assertThatThrownBy(() -> TsaEndpoint.of("http://exa mple"))
                .hasMessage("expected a TSA URL (http://host/path) or 'local', got http://exa mple");
        assertThatThrownBy(() -> new TsaEndpoint("Bad Name", URI.create("http://x/")))
                .hasMessage("expected a TSA name of [a-z0-9.-], got Bad Name");
    }

    @Test
    void theDefaultListHoldsPublicHttpTsasWithDistinctNames() {
        assertThat(TsaEndpoint.defaults()).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(e -> e.url().getScheme().startsWith("http"))
                .extracting(TsaEndpoint::name).doesNotHaveDuplicates().doesNotContain("local");
    }

    @Test
    void trustAnchorsReadPemFilesAndNameAFileThatHoldsNone() throws Exception {
        LocalTsa tsa = LocalTsa.open(dir.resolve("tsa"));
        assertThat(TrustAnchors.fromPem(tsa.chainPem()).certificates()).containsExactly(tsa.certificate(), tsa.root());
        assertThat(TrustAnchors.jdkDefaults().certificates()).isNotEmpty();
        Path notPem = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        assertThatThrownBy(() -> TrustAnchors.fromPem(notPem)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(notPem + ": expected PEM certificates, got");
    }
}
