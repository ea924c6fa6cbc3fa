package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.CaptureResult;
import org.exhibit.capture.Capturer;
import org.exhibit.capture.EarlyBrowser;
import org.exhibit.capture.RefusedUrlException;
import org.exhibit.capture.UrlPolicy;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserUnavailableException;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.workspace.CaseWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code exhibit capture --case DIR URL...}: each URL opened in Chromium through the recording proxy, kept whole. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Open each URL in a headless Chromium through a recording proxy and keep the page as evidence.",
        footer = {"", "Prints a line per URL: capture id, outcome (complete, partial, failed), URL, timestamp.",
                "Exit 1 if any URL was refused or any capture failed; 2 if nothing could start (no browser, no case)."})
public final class CaptureCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Mixin
    TsaOptions tsaOptions;

    @Mixin
    CaptureSettings settings;

    @Option(names = "--note", paramLabel = "KEY=VALUE",
            description = "A note kept in each capture record, e.g. --note platform=Chirpbook --note username=riley_sample.")
    Map<String, String> notes = new LinkedHashMap<>();

    @Mixin
    BatchCapture batch;

    @Parameters(arity = "0..*", paramLabel = "URL", description = "http or https URLs to capture (or --urls FILE).")
    List<String> urls = List.of();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (urls.isEmpty() != batch.requested()) {
            throw new UsageException("expected URLs or --urls FILE, got " + (urls.isEmpty() ? "neither" : "both"));
        }
        CaptureOptions options = batch.apply(settings.options());
        List<String> accepted = new ArrayList<>();
        for (String url : urls) {
            try {
                UrlPolicy.check(url);
                accepted.add(url);
            } catch (RefusedUrlException e) {
                err.println("exhibit: " + e.getMessage());
            }
        }
        if (accepted.isEmpty() && !batch.requested()) {
            throw new UsageException("no URL to capture: every URL given was refused");
        }
        try {
            Browser.check(options.browser());
        } catch (BrowserUnavailableException e) {
            throw new UsageException(e.getMessage(), e);
        }
        phase("command");
        CaseWorkspace ws = CaseCommand.open(caseDir);
        Environment env = Exhibit.environment(spec);
        PublicIdentity me = Investigator.publicInfo(env);
        phase("case and identity");
        int failed = urls.size() - accepted.size();
        // the browser starts now (a wrong case or a missing identity said so at once), while the timestamp
        // authorities are prepared and the capture's classes load
        try (EarlyBrowser early = batch.requested() ? null : EarlyBrowser.start(options);
             TsaOptions.Session tsas = tsaOptions.open(env.home())) {
            options = options.withTimestamper(tsas.timestamper(TrustAnchors.jdkDefaults()));
            if (batch.requested()) {
                return batch.run(spec, ws, caseDir, me, options);
            }
            try (Capturer capturer = new Capturer(ws, me, options, early)) {
                phase("timestamp authorities and capturer");
                failed += captureEach(capturer, accepted, notes);
            }
        }
        phase("browser quit");
        if (failed > 0) {
            err.println("exhibit: " + failed + " of " + urls.size() + " URLs not captured");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** Captures the URLs one after the other, printing a line each; returns how many failed. */
    private int captureEach(Capturer capturer, List<String> accepted, Map<String, String> notes) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = Exhibit.quiet(spec);
        int failed = 0;
        for (int i = 0; i < accepted.size(); i++) {
            String url = accepted.get(i);
            if (i == accepted.size() - 1) {
                capturer.quitBrowsersAfterNextPage(); // the browser quits while the last capture's files are packaged
            }
            try {
                CaptureResult r = capturer.capture(url, notes);
                phase("captured " + url);
                out.println(line(r));
                if (!quiet || r.outcome() == CaptureOutcome.FAILED) {
                    r.record().warnings().forEach(w -> err.println("exhibit: " + r.outcome().json() + ": " + CaseLayout.CAPTURES + "/"
                            + r.id() + ": " + w));
                }
                if (r.stamp() != null) {
                    Stamps.warn(r.stamp(), err, quiet);
                }
                failed += r.outcome() == CaptureOutcome.FAILED ? 1 : 0;
            } catch (IOException e) {
                err.println("exhibit: " + e.getMessage());
                failed++;
            }
        }
        return failed;
    }

    /**
     * With {@code -Dexhibit.phases=true}, says on stderr how long after the JVM's start a phase of the command
     * ended: where a capture's time goes before its record starts and after it ends.
     */
    private static void phase(String name) {
        if (Boolean.getBoolean("exhibit.phases")) {
            ProcessHandle.current().info().startInstant().ifPresent(start -> System.err.printf(java.util.Locale.ROOT,
                    "exhibit: phase %.2f s %s%n", java.time.Duration.between(start, java.time.Instant.now()).toMillis() / 1000.0, name));
        }
    }

    static String line(CaptureResult r) {
        var rec = r.record();
        String status = rec.mainDocument() == null ? "" : "  HTTP " + rec.mainDocument().status();
        return CaseLayout.CAPTURES + "/" + r.id() + "  " + rec.outcome().json() + "  " + rec.requestedUrl() + status
                + (r.stamp() == null ? "  timestamp PENDING" : "  " + Stamps.describe(r.stamp()));
    }
}
