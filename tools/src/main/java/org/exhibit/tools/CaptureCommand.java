package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.CaptureResult;
import org.exhibit.capture.Capturer;
import org.exhibit.capture.RefusedUrlException;
import org.exhibit.capture.UrlPolicy;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserUnavailableException;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.browser.Viewport;
import org.exhibit.capture.interact.AgeGate;
import org.exhibit.capture.interact.Interactions;
import org.exhibit.capture.video.VideoOptions;
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

    @Option(names = "--profile", paramLabel = "DIR",
            description = "Use this Chromium profile (one you logged in with, see 'exhibit profile create') instead of a "
                    + "fresh one per capture; its HTTP cache is emptied and disabled and its service workers bypassed, so "
                    + "every image is recorded. "
                    + "Close the profile's browser first.")
    Path profile;

    @Option(names = "--window", paramLabel = "WxH", defaultValue = "1366x900",
            description = "Window size in CSS pixels (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--browser", paramLabel = "PATH",
            description = "Chromium executable (default: $EXHIBIT_CHROMIUM or /usr/bin/chromium).")
    Path browser;

    @Option(names = "--driver", paramLabel = "PATH",
            description = "chromedriver executable (default: $EXHIBIT_CHROMEDRIVER or /usr/bin/chromedriver).")
    Path driver;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long a page may keep its capture waiting on the network, in all: its load, and each wait "
                    + "for the network to go quiet (after loading, a click, scrolling) takes what is left; when it runs "
                    + "out the capture goes on with what arrived and is marked partial (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--scroll-limit", paramLabel = "SCREENS", defaultValue = "200",
            description = "Scroll down at most this many screens (an infinite feed goes on); a page cut by it is partial "
                    + "(default: ${DEFAULT-VALUE}).")
    int scrollScreens;

    @Option(names = "--scroll-seconds", paramLabel = "SECONDS", defaultValue = "60",
            description = "Scroll down for at most this long, \"load more\" clicks included; a page cut by it is partial "
                    + "(default: ${DEFAULT-VALUE}).")
    int scrollSeconds;

    @Option(names = "--age-gate", paramLabel = "accept|stop", defaultValue = "accept",
            description = "At an age gate (\"I am 18 or older\"): click through it as an adult would, or stop there and "
                    + "mark the capture partial (default: ${DEFAULT-VALUE}). Every click is recorded as a step.")
    String ageGate;

    @Option(names = "--note", paramLabel = "KEY=VALUE",
            description = "A note kept in each capture record, e.g. --note platform=Chirpbook --note username=riley_sample.")
    Map<String, String> notes = new LinkedHashMap<>();

    @Option(names = "--max-media-bytes", paramLabel = "BYTES", defaultValue = "2000000000",
            description = "Media fetched to keep a capture's full-size images and videos, all together (images "
                    + "first); a video cut by it is kept as far as it got and the capture is partial "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxMediaBytes;

    @Option(names = "--media-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Time spent fetching a capture's videos, all together, and again its full-size images "
                    + "(default: ${DEFAULT-VALUE}).")
    int mediaTimeoutSeconds;

    @Option(names = "--live-seconds", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a live stream (a playlist that never ends) is recorded (default: ${DEFAULT-VALUE}).")
    int liveSeconds;

    @Option(names = "--no-videos", description = "Do not keep the videos a page plays or links to (they stay in the WARC "
            + "as far as the page loaded them).")
    boolean noVideos;

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
        CaptureOptions options = batch.apply(options());
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
        CaseWorkspace ws = CaseCommand.open(caseDir);
        Environment env = Exhibit.environment(spec);
        PublicIdentity me = Investigator.publicInfo(env);
        int failed = urls.size() - accepted.size();
        try (TsaOptions.Session tsas = tsaOptions.open(env.home())) {
            options = options.withTimestamper(tsas.timestamper(TrustAnchors.jdkDefaults()));
            if (batch.requested()) {
                return batch.run(spec, ws, caseDir, me, options);
            }
            try (Capturer capturer = new Capturer(ws, me, options)) {
                failed += captureEach(capturer, accepted, notes);
            }
        }
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
        for (String url : accepted) {
            try {
                CaptureResult r = capturer.capture(url, notes);
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

    private CaptureOptions options() {
        Viewport viewport;
        try {
            viewport = Viewport.parse(window);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--window: " + e.getMessage());
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new UsageException("--timeout: expected 1 to 3600 seconds, got " + timeoutSeconds);
        }
        if (scrollScreens < 1 || scrollScreens > 100_000) {
            throw new UsageException("--scroll-limit: expected 1 to 100000 screens, got " + scrollScreens);
        }
        if (scrollSeconds < 1 || scrollSeconds > 3600) {
            throw new UsageException("--scroll-seconds: expected 1 to 3600 seconds, got " + scrollSeconds);
        }
        AgeGate gate;
        try {
            gate = AgeGate.parse(ageGate);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--age-gate: " + e.getMessage());
        }
        VideoOptions videos;
        try {
            videos = new VideoOptions(maxMediaBytes, Duration.ofSeconds(mediaTimeoutSeconds),
                    Duration.ofSeconds(liveSeconds), !noVideos);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return CaptureOptions.defaults().withChromium(browser, driver).withProfile(profile).withViewport(viewport)
                .withTimeouts(PageTimeouts.DEFAULT.withNavigate(Duration.ofSeconds(timeoutSeconds))
                        .withScroll(scrollScreens, Duration.ofSeconds(scrollSeconds)))
                .withInteractions(Interactions.DEFAULT.withAgeGate(gate))
                .withExhibitVersion(Version.current()).withVideos(videos);
    }

    static String line(CaptureResult r) {
        var rec = r.record();
        String status = rec.mainDocument() == null ? "" : "  HTTP " + rec.mainDocument().status();
        return CaseLayout.CAPTURES + "/" + r.id() + "  " + rec.outcome().json() + "  " + rec.requestedUrl() + status
                + (r.stamp() == null ? "  timestamp PENDING" : "  " + Stamps.describe(r.stamp()));
    }
}
