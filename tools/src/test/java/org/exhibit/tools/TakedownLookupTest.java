package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.format.json.Json;
import org.exhibit.tools.rdap.Bootstrap;
import org.exhibit.tools.rdap.BootstrapCache;
import org.exhibit.tools.rdap.RdapServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhibit takedown --lookup} against an RDAP server on 127.0.0.1 (RFC 9083 answers) found through bootstrap
 * files (RFC 9224) pointing at it, on a case whose capture recorded the host's IP address.
 */
class TakedownLookupTest {
    static final String PAGE = "https://img.social.example/p/77";
    static final String PHOTO = "https://img.social.example/media/77.jpg";

    @TempDir
    Path tmp;
    Path home;
    Path dir;
    RdapServer rdap;

    @BeforeEach
    void caseAndServer() throws Exception {
        home = tmp.resolve("home");
        dir = tmp.resolve("case");
        Path capture = Files.createDirectories(dir.resolve("data/captures/0001/resources"));
        Json.write(dir.resolve("case.json"), Map.of("format", 1, "id", "2026-099"));
        Files.writeString(capture.resolve("77.jpg"), "not really a jpeg");
        Json.write(capture.getParent().resolve("capture.json"), Map.of("format", 1, "id", "0001",
                "caseId", "2026-099", "requestedUrl", PAGE, "startedAt", "2026-11-24T10:00:00Z",
                "hosts", List.of(Map.of("host", "img.social.example", "ip", "192.0.2.7")),
                "artifacts", List.of(Map.of("path", "resources/77.jpg", "role", "resource", "mediaType", "image/jpeg",
                        "size", 17, "sha256", "ab".repeat(32), "url", PHOTO))));
        rdap = new RdapServer();
    }

    @AfterEach
    void stop() {
        rdap.close();
    }

    Cli takedown(String... more) {
        List<String> args = new ArrayList<>(List.of("takedown", "--case", dir.toString(), "--only", PHOTO, "-o",
                tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return Cli.run(home, null, args.toArray(String[]::new));
    }

    String notice() throws Exception {
        return Files.readString(tmp.resolve("out/takedown-img.social.example.txt")).replaceAll("\\s+", " ");
    }

    @Test
    void theNoticeIsAddressedToTheRegistrarsAndTheNetworksAbuseContacts() throws Exception {
        rdap.answer("domain/social.example", RdapServer.domain("SOCIAL.EXAMPLE", "Example Registrar, Inc.",
                "abuse@registrar.example"));
        rdap.answer("ip/192.0.2.7", RdapServer.network("EXAMPLE-NET-1", "Example Hosting Ltd", "noc-abuse@hosting.example"));
        Path boot = rdap.bootstrap(tmp.resolve("boot"), "example", "192.0.2.0/24");
        Cli cli = takedown("--lookup", "--rdap-bootstrap", boot.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(notice()).contains("To: abuse@registrar.example (abuse contact of Example Registrar, Inc., "
                        + "registrar of social.example); noc-abuse@hosting.example (abuse contact of Example Hosting Ltd, "
                        + "network of 192.0.2.7)", PHOTO, "shown on " + PAGE)
                .doesNotContain("lookup failed");
        // the host first, then its parent domain; the IP the capture recorded (no DNS for the host)
        assertThat(rdap.requests).containsExactly("/rdap/domain/img.social.example", "/rdap/domain/social.example",
                "/rdap/ip/192.0.2.7");
        assertThat(cli.err()).doesNotContain("abuse-contact lookup");
    }

    @Test
    void withoutLookupNothingIsContacted() throws Exception {
        rdap.answer("domain/social.example", RdapServer.domain("SOCIAL.EXAMPLE", "R", "abuse@registrar.example"));
        rdap.bootstrap(home.resolve("rdap"), "example", "192.0.2.0/24");
        Cli cli = takedown();
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(rdap.requests).isEmpty();
        assertThat(notice()).contains("To: [abuse, trust & safety or designated DMCA agent of img.social.example]")
                .doesNotContain("abuse@registrar.example");
    }

    @Test
    void aMalformedAnswerGivesOneWarningAndTheNoticeIsStillWritten() throws Exception {
        rdap.answer("domain/social.example", "{\"objectClassName\": \"domain\", \"entities\": [");
        rdap.answer("ip/192.0.2.7", "[1, 2, 3]");
        Path boot = rdap.bootstrap(tmp.resolve("boot"), "example", "192.0.2.0/24");
        Cli cli = takedown("--lookup", "--rdap-bootstrap", boot.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.err().lines().filter(l -> l.contains("abuse-contact lookup"))).singleElement().asString()
                .startsWith("exhibit: abuse-contact lookup for img.social.example: registrar of img.social.example: ")
                .contains("answered malformed JSON", "answered no RDAP object",
                        "the notice is addressed to the host's abuse contact");
        assertThat(notice()).contains("To: the host's abuse contact (lookup failed: registrar of img.social.example: "
                + "http://127.0.0.1:", PHOTO);
    }

    @Test
    void aTimeoutGivesOneWarningAndTheNoticeIsStillWritten() throws Exception {
        rdap.answer("domain/social.example", RdapServer.domain("SOCIAL.EXAMPLE", "R", "abuse@registrar.example"));
        rdap.delay(3000);
        Path boot = rdap.bootstrap(tmp.resolve("boot"), "example", "192.0.2.0/24");
        long start = System.nanoTime();
        Cli cli = takedown("--lookup", "--rdap-bootstrap", boot.toString(), "--lookup-timeout", "1");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(cli.err().lines().filter(l -> l.contains("abuse-contact lookup"))).singleElement().asString()
                .contains("127.0.0.1 timed out after 1 s");
        assertThat(notice()).contains("the host's abuse contact (lookup failed: ", "timed out after 1 s");
    }

    @Test
    void nothingChosenIsRefusedInOneLineAndAnUnknownChoiceNamesTheOption() {
        Cli none = Cli.run(home, null, "takedown", "--case", dir.toString(), "-o", tmp.resolve("n").toString());
        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err().strip()).isEqualTo("exhibit: expected --hashes FILE, --only CAPTURE|FILE|URL or --back-online: a notice "
                + "names only the content you mark as abusive, never everything the page loaded");
        Cli unknown = Cli.run(home, null, "takedown", "--case", dir.toString(), "--only", "captures/0001/nope.jpg",
                "-o", tmp.resolve("n").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("exhibit: --only: expected a file listed in capture.json of captures/0001 "
                + "of case 2026-099, got captures/0001/nope.jpg");
        assertThat(tmp.resolve("n")).doesNotExist();
    }

    @Test
    void theBootstrapCacheFetchesMissingFilesAndWorksOfflineFromAStaleCopy() throws Exception {
        Path served = rdap.bootstrap(tmp.resolve("served"), "example", "192.0.2.0/24");
        for (String name : Bootstrap.FILES) {
            rdap.answer("bootstrap/" + name, Files.readString(served.resolve(name)));
        }
        java.net.URI source = java.net.URI.create(rdap.base() + "bootstrap/");
        Path cache = tmp.resolve("cache");
        List<String> warnings = new ArrayList<>();
        Bootstrap b = BootstrapCache.load(cache, source, Duration.ofSeconds(5), warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(rdap.requests).hasSize(3);
        assertThat(b.forDomain("a.social.example")).hasToString(rdap.base());
        assertThat(b.forIp(java.net.InetAddress.getByName("192.0.2.200"))).hasToString(rdap.base());
        assertThat(b.forIp(java.net.InetAddress.getByName("198.51.100.1"))).isNull();

        BootstrapCache.load(cache, source, Duration.ofSeconds(5), warnings::add);
        assertThat(rdap.requests).as("fresh copies are not fetched again").hasSize(3);

        for (String name : Bootstrap.FILES) {
            Files.setLastModifiedTime(cache.resolve(name), FileTime.from(Instant.now().minus(Duration.ofDays(60))));
        }
        rdap.close();
        Bootstrap offline = BootstrapCache.load(cache, source, Duration.ofSeconds(2), warnings::add);
        assertThat(offline.forDomain("social.example")).hasToString(rdap.base());
        assertThat(warnings).hasSize(3).allMatch(w -> w.startsWith("cannot fetch the RDAP bootstrap file ")
                && w.contains("; using the copy of "));
    }
}
