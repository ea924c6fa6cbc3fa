package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.exhibit.format.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandTest {
    @TempDir
    Path home;

    @Test
    void createThenShowPrintsTheSameFingerprintWithoutThePassphrase() throws Exception {
        Cli created = Cli.run(home, "s3cret pass", "identity", "create", "--name", "Dana Reyes", "--org", "Reyes Law",
                "--email", "dana@reyes.example");
        assertThat(created.exit()).as(created.err()).isEqualTo(0);
        assertThat(created.out()).contains("Identity created in " + home, "name:         Dana Reyes",
                "organisation: Reyes Law");
        assertThat(home.resolve("identity.p12")).exists();

        Cli shown = Cli.run(home, null, "identity", "show");
        assertThat(shown.exit()).isEqualTo(0);
        String fingerprint = shown.out().replaceAll("(?s).*fingerprint: +([0-9a-f]{64}).*", "$1");
        assertThat(created.out()).contains(fingerprint);

        Cli json = Cli.run(home, null, "identity", "show", "--json");
        JsonNode node = Json.MAPPER.readTree(json.out());
        assertThat(node.get("name").asText()).isEqualTo("Dana Reyes");
        assertThat(node.get("fingerprint").asText()).isEqualTo(fingerprint);
    }

    @Test
    void anExistingIdentityIsNotReplacedWithoutForce() {
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isEqualTo(0);
        Cli again = Cli.run(home, "pw", "identity", "create", "--name", "Someone Else");
        assertThat(again.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).startsWith("exhibit: an identity already exists in " + home + " (Dana Reyes, ")
                .contains("pass --force");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Someone Else", "--force").exit()).isEqualTo(0);
        assertThat(Cli.run(home, null, "identity", "show").out()).contains("name:         Someone Else");
    }

    @Test
    void showWithoutAnIdentityTellsHowToCreateOne() {
        Cli shown = Cli.run(home, null, "identity", "show");
        assertThat(shown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(shown.err()).isEqualTo("exhibit: no identity in " + home
                + ": run `exhibit identity create --name NAME`" + System.lineSeparator());
    }

    @Test
    void withoutAPassphraseOrTerminalCreateExitsTwoNamingTheVariable() {
        assertThat(System.getenv("EXHIBIT_PASSPHRASE")).as("this test needs EXHIBIT_PASSPHRASE unset").isNull();
        Cli created = Cli.run(home, null, "identity", "create", "--name", "Dana Reyes");
        assertThat(created.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(created.err()).contains("set EXHIBIT_PASSPHRASE");
        assertThat(home.resolve("identity.p12")).doesNotExist();
    }

    @Test
    void createWithoutNameIsAUsageError() {
        Cli created = Cli.run(home, "pw", "identity", "create");
        assertThat(created.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(created.err()).contains("expected --name NAME (or --import P12), got neither");
    }

    @Test
    void importTakesAnOrganisationCertificate() throws Exception {
        Path org = Files.createDirectory(home.resolve("org"));
        openssl(org, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "30", "-subj", "/CN=Ana Ortiz/O=Helpline");
        openssl(org, "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "issued.p12",
                "-passout", "pass:orgpw");
        Cli wrong = Cli.run(home.resolve("ex"), "nope", "identity", "create", "--import", org.resolve("issued.p12").toString());
        assertThat(wrong.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).startsWith("exhibit: wrong passphrase for ");

        Cli imported = Cli.run(home.resolve("ex"), "orgpw", "identity", "create", "--import",
                org.resolve("issued.p12").toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
        assertThat(imported.out()).contains("Identity imported into", "name:         Ana Ortiz", "organisation: Helpline");
    }

    private static void openssl(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
