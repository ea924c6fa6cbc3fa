package org.exhibit.capture.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhibit.capture.proxy.RecordingProxy;

/** Runs the system Chromium headless through a proxy and returns the DOM it dumped (stderr in work/chromium.err); fails when Chromium is missing. */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Chromium's own background traffic (updates, sync, time, spell-check) kept out of the evidence as far as flags go. */
    public static final List<String> QUIET = List.of("--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--disable-breakpad",
            "--metrics-recording-only", "--no-pings", "--disable-field-trial-config", "--no-service-autorun",
            "--disable-features=Translate,OptimizationHints,MediaRouter,SpellCheck,NetworkTimeServiceQuerying,"
                    + "CertificateTransparencyComponentUpdater,AutofillServerCommunication,PrivacySandboxSettings4,LensOverlay");

    private HeadlessChromium() {
    }

    public static String dumpDom(RecordingProxy proxy, Path work, String spkiList, String url) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium must be installed at " + CHROMIUM + " (apt-get install chromium)").isTrue();
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + work.resolve("profile")));
        cmd.addAll(QUIET);
        cmd.addAll(List.of("--proxy-server=http://127.0.0.1:" + proxy.address().getPort(), "--proxy-bypass-list=<-loopback>",
                "--ignore-certificate-errors-spki-list=" + spkiList, "--dump-dom", url));
        Path err = work.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not end within 90 s; stderr: " + Files.readString(err));
        }
        return dom;
    }
}
