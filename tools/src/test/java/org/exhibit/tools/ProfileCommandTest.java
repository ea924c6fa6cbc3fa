package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProfileCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Exhibit.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ((ProfileCommand.Create) cl.getSubcommands().get("profile").getSubcommands().get("create").getCommand()).env = env;
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void withoutADisplayItSaysInOneLineHowToRunIt() {
        Run r = run(Map.of(), "profile", "create", tmp.resolve("p").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("exhibit: no display: run it on a desktop, or under xvfb-run" + System.lineSeparator());
        assertThat(tmp.resolve("p")).doesNotExist();
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedNamingIt() {
        Run r = run(Map.of("DISPLAY", ":0"), "profile", "create", tmp.resolve("p").toString(), "--url", "file:///etc/passwd");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--url: expected an http or https URL, got 'file:///etc/passwd'");
    }

    @Test
    void underXvfbItOpensTheStartPageOnTheProfileAndWhenTheWindowClosesSaysHowToCaptureWithIt() throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        assertThat(xvfb).as("Xvfb is needed for this test: apt-get install -y xvfb (bin/setup does)").isExecutable();
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            seen.add(ex.getRequestURI().getPath());
            // the investigator's part, done by the page: it closes its own window once shown
            byte[] body = "<!DOCTYPE html><title>Log in</title><p>Log in here<script>setTimeout(() => window.close(), 300)</script>"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/login") ? 200 : 404, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        http.start();
        Process x = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = ":" + CompletableFuture.supplyAsync(() -> {
                try {
                    return new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(20, TimeUnit.SECONDS).strip();
            Path profile = tmp.resolve("profiles/site-a");
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/login";
            CompletableFuture<Run> r = CompletableFuture.supplyAsync(() -> run(Map.of("DISPLAY", display),
                    "profile", "create", profile.toString(), "--url", url));
            Run done = r.get(60, TimeUnit.SECONDS);
            assertThat(done.exit()).as(done.err()).isZero();
            assertThat(seen).contains("/login");
            assertThat(done.out()).contains("Chromium is open on the profile " + profile.toAbsolutePath())
                    .contains("Capture with it: exhibit capture --case CASE --profile " + profile.toAbsolutePath() + " URL");
            // Chromium rewrites the file; the settings Exhibit gave a new profile are still there after a run
            assertThat(Files.readString(profile.resolve("Default/Preferences")))
                    .containsPattern("\"signin\":\\{(?:[^{}]|\\{\\})*\"allowed\":false")
                    .containsPattern("\"safebrowsing\":\\{(?:[^{}]|\\{\\})*\"enabled\":false")
                    .containsPattern("\"search\":\\{(?:[^{}]|\\{\\})*\"suggest_enabled\":false");
            assertThat(profile.resolve("Default/Cookies")).exists(); // a real Chromium profile was made there
        } finally {
            http.stop(0);
            x.destroy();
            x.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
