package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.capture.SampleSiteServer;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserUnavailableException;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code exhibit demo}: the whole job on the bundled sample site, with nothing but this machine. It serves
 * {@code samples/site/} on 127.0.0.1, uses Exhibit's own TSA in process, a demo identity kept in the demo
 * folder (never the user's own), captures {@code samples/links.txt} into a new case, ingests
 * {@code samples/evidence/}, seals, verifies, and prints where the bundle and its report are. Each step is the
 * ordinary {@code exhibit} command, run in process with the demo's home and passphrase as its {@link Environment}
 * (no system property is set), so the demo shows exactly what a user would type.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Capture the bundled sample site into a new case, seal it, verify it, and print where the "
                + "bundle and report are. Needs nothing but this machine.")
public final class DemoCommand implements Callable<Integer> {
    /** The demo identity's passphrase: it protects a key that signs sample evidence only. */
    static final String DEMO_PASSPHRASE = "exhibit-demo";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "exhibit-demo",
            description = "Where the demo keeps its identity, case and bundle (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The samples folder with site/ and links.txt (default: samples/ here or beside the jar).")
    Path samples;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path samplesDir = samplesDir();
        requireBrowser(err);
        Path home = dir.resolve("home").toAbsolutePath();
        Steps steps = new Steps(Environment.of(home, DEMO_PASSPHRASE), out, err);
        String caseId = "DEMO-" + STAMP.format(Instant.now());
        Path caseDir = dir.resolve(caseId).toAbsolutePath();
        Path bundles = dir.resolve("bundles").toAbsolutePath();
        Files.createDirectories(bundles);
        if (!Files.exists(home.resolve("identity.p12"))) {
            steps.run("identity", "create", "--name", "Demo Investigator", "--org", "Exhibit sample case",
                    "--email", "demo@exhibit.invalid");
        }
        steps.run("case", "init", caseDir.toString(), "--id", caseId,
                "--title", "Sample case: reposts of a private photo (fictional)");
        try (SampleSiteServer site = SampleSiteServer.start(samplesDir.resolve("site"))) {
            List<String> capture = new ArrayList<>(List.of("capture", "--case", caseDir.toString(), "--tsa", "local",
                    "--note", "platform=sample site"));
            capture.addAll(site.links(samplesDir.resolve("links.txt")));
            steps.run(capture.toArray(String[]::new));
        }
        Path evidence = samplesDir.resolve("evidence");
        if (Files.isDirectory(evidence)) {
            List<String> ingest = new ArrayList<>(List.of("ingest", "--case", caseDir.toString(), "--tsa", "local",
                    "--source", "sample evidence the victim kept"));
            try (var files = Files.list(evidence)) {
                files.filter(Files::isRegularFile).sorted().map(Path::toString).forEach(ingest::add);
            }
            steps.run(ingest.toArray(String[]::new));
        }
        steps.run("seal", "--case", caseDir.toString(), "--tsa", "local", "-o", bundles.toString());
        Path bundle;
        try (var zips = Files.list(bundles)) {
            bundle = zips.filter(p -> p.getFileName().toString().startsWith(caseId + "-")
                    && p.getFileName().toString().endsWith(".zip")).findFirst()
                    .orElseThrow(() -> new IOException("seal wrote no bundle into " + bundles));
        }
        Path root = LocalTsa.open(home.resolve("tsa")).rootPem();
        Path investigator = home.resolve(IdentityStore.PEM);
        // both roots given: the signer must be this investigator, and a genuine bundle of a self-run TSA has no
        // warning left, so it verifies strictly
        steps.run("verify", bundle.toString(), "--trust", investigator.toString(), "--trust", root.toString(),
                "--strict");
        out.println();
        out.println("Demo done.");
        out.println("  case     " + caseDir);
        out.println("  bundle   " + bundle);
        out.println("  report   " + bundle + " -> data/report/report.html and report.pdf (images blurred)");
        out.println("  verify   tools/exhibit verify " + bundle + " --trust " + investigator + " --trust " + root
                + " --strict");
        out.println("  by hand  unzip -q " + bundle + " -d b && cd b && cat VERIFY.txt");
        return ExitCode.OK;
    }

    /** The demo's steps: ordinary exhibit commands run in process with the demo's home and passphrase. */
    private record Steps(Environment environment, PrintWriter out, PrintWriter err) {
        /** Runs one command, printed as typed; a failed step ends the demo with its exit code. */
        void run(String... args) {
            out.println("$ exhibit " + String.join(" ", args));
            out.flush();
            CommandLine cl = Exhibit.commandLine(environment);
            cl.setOut(out);
            cl.setErr(err);
            int code = cl.execute(args);
            if (code != ExitCode.OK) {
                throw new DemoStepFailed("demo stopped: `exhibit " + args[0] + "` exited " + code, code);
            }
        }
    }

    private Path samplesDir() {
        List<Path> candidates = new ArrayList<>();
        if (samples != null) {
            candidates.add(samples);
        } else {
            candidates.add(Path.of("samples"));
            try {
                Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                // tools/target/exhibit.jar -> the repository's samples/
                candidates.add(jar.toAbsolutePath().getParent().getParent().getParent().resolve("samples"));
            } catch (URISyntaxException | NullPointerException | SecurityException e) {
                // no jar location: only the working directory is searched
            }
        }
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("site")) && Files.isRegularFile(c.resolve("links.txt"))) {
                return c.toAbsolutePath();
            }
        }
        throw new UsageException("no samples folder with site/ and links.txt at " + candidates
                + ": run from the Exhibit repository or give --samples DIR");
    }

    /** The demo installs Chromium through apt when it is missing and it can; otherwise it says what to install. */
    private static void requireBrowser(PrintWriter err) {
        BrowserOptions options = BrowserOptions.defaults();
        try {
            Browser.check(options);
            return;
        } catch (BrowserUnavailableException missing) {
            if (!AptInstall.possible()) {
                throw new UsageException(missing.getMessage(), missing);
            }
            err.println("exhibit: " + missing.getMessage() + "; installing chromium and chromium-driver with apt-get");
            err.flush();
            AptInstall.run(err, "chromium", "chromium-driver");
        }
        try {
            Browser.check(options);
        } catch (BrowserUnavailableException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** A demo step exited non-zero; its own message has already been printed. */
    static final class DemoStepFailed extends RuntimeException implements CommandLine.IExitCodeGenerator {
        private final int code;

        DemoStepFailed(String message, int code) {
            super(message);
            this.code = code;
        }

        @Override
        public int getExitCode() {
            return code;
        }
    }
}
