package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.Capturer;
import org.exhibit.capture.batch.CapturerJob;
import org.exhibit.capture.batch.LinkList;
import org.exhibit.capture.batch.LinkProblem;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserUnavailableException;
import org.exhibit.capture.recheck.Recheck;
import org.exhibit.capture.recheck.RecheckResult;
import org.exhibit.capture.recheck.UrlCheck;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.metadata.hashlist.HashEntry;
import org.exhibit.metadata.hashlist.HashList;
import org.exhibit.metadata.hashlist.HashMatcher;
import org.exhibit.metadata.vpdq.Ffmpeg;
import org.exhibit.metadata.vpdq.FfmpegMissingException;
import org.exhibit.metadata.vpdq.VpdqHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code exhibit recheck --case DIR}: captures again every URL the case captured, and says what changed. */
@Command(name = "recheck", mixinStandardHelpOptions = true,
        description = {"Capture again every URL the case has captured (or the URLs of --urls), as ordinary captures, "
                + "and compare each with the previous capture of the same URL: gone (HTTP 404/410/451, the host name no "
                + "longer resolves, or a \"content removed\" page; the capture is kept as evidence of the removal), back "
                + "(online again after gone), changed (visible text, images or videos added or removed, images compared "
                + "by SHA-256 and PDQ), unchanged, or unreachable (no answer, HTTP 5xx).",
                "",
                "Each result is a 'rechecked' line in the custody log. With --hashes, every image and video captured is "
                + "matched against the victim's hash lists (PDQ, MD5, vPDQ) and each re-upload is reported. Contacts "
                + "only the case's URLs (and the TSAs). Runs like a batch: --parallel, retries, and an interrupted run "
                + "is resumed by running the same command again."},
        footer = {"", "Prints a table of the verdicts, the re-uploads and each URL's timeline (see also exhibit timeline).",
                "Exit status: 0 when every URL was rechecked (whatever the verdicts); 1 when some could not be captured "
                + "or the run was stopped; 2 for a bad argument.", "",
                "Examples:",
                "  exhibit recheck --case cases/2026-017 --hashes mine.csv --tsa local",
                "  exhibit recheck --case cases/2026-017 --hashes mine.csv --on-change 'notify-send \"Exhibit\" \"$(jq -r .news)\"'",
                "  exhibit recheck --case cases/2026-017 --hashes mine.csv --install-timer 6h   # prints a systemd timer and a cron line"})
public final class RecheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Option(names = "--hashes", paramLabel = "FILE",
            description = "A hash list of the victim's images and videos (from 'exhibit hashes --files'; repeatable): "
                    + "each image and video the recheck captures is matched against it.")
    List<Path> hashes = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "BITS", defaultValue = "31",
            description = "Largest PDQ distance that counts as a re-upload (default ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--on-change", paramLabel = "CMD",
            description = "When the run finds something newly gone, back, changed or re-uploaded, run CMD with /bin/sh "
                    + "-c and the JSON summary on its stdin; its exit status is reported and never stops the run.")
    String onChange;

    @Option(names = "--install-timer", paramLabel = "INTERVAL",
            description = "Print (not install) a systemd user service and timer and a cron line that run this same "
                    + "recheck every INTERVAL (30m, 6h, 1d), then exit without capturing.")
    String installTimer;

    @Mixin
    TsaOptions tsaOptions;

    @Mixin
    CaptureSettings settings;

    @Mixin
    BatchCapture batch;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (installTimer != null) {
            CaseCommand.open(caseDir);                 // a timer for a folder that is no case would fail every run
            return printTimer(out);
        }
        if (threshold < 0 || threshold > 256) {
            throw new UsageException("--threshold: expected 0-256 bits, got " + threshold);
        }
        CaseWorkspace ws = CaseCommand.open(caseDir);
        HashList victim = hashLists();
        CaptureOptions options = batch.apply(settings.options());
        try {
            Browser.check(options.browser());
        } catch (BrowserUnavailableException e) {
            throw new UsageException(e.getMessage(), e);
        }
        LinkList list = batch.urls != null ? LinkList.read(batch.urls) : Recheck.caseList(ws);
        String source = batch.urls != null ? batch.urls.toString() : caseDir.toString();
        for (LinkProblem p : list.problems()) {
            err.println("exhibit: " + p.message(source));
        }
        if (list.entries().isEmpty()) {
            throw new UsageException("nothing to recheck: " + (batch.urls != null ? batch.urls + " lists no URL"
                    : caseDir + " has no capture yet (capture the URLs first)"));
        }
        Environment env = Exhibit.environment(spec);
        PublicIdentity me = Investigator.publicInfo(env);
        RecheckResult result;
        try (TsaOptions.Session tsas = tsaOptions.open(env.home())) {
            options = options.withTimestamper(tsas.timestamper(TrustAnchors.jdkDefaults()));
            try (Capturer capturer = new Capturer(ws, me, options)) {
                Recheck recheck = new Recheck(ws, me.actor(), new CapturerJob(capturer), batch.batchOptions(),
                        BatchCapture.progress(spec));
                Thread hook = new Thread(() -> {
                    recheck.runner().stopAndWait();
                    capturer.close();
                }, "exhibit-recheck-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    result = recheck.run(list, victim, new HashMatcher(threshold),
                            victim != null && victim.videoHashes() > 0 ? hasher() : null,
                            w -> err.println("exhibit: " + w));
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // Ctrl-C: the hook is running and waits for us
                    }
                }
            }
        }
        RecheckSummary summary = RecheckSummary.of(caseDir.toString(), result);
        byte[] json = Json.bytes(summary);
        if (batch.json) {
            out.println(new String(json, StandardCharsets.UTF_8));
        } else {
            table(result, out);
        }
        out.flush();
        if (onChange != null && result.news()) {
            err.println("exhibit: " + OnChange.run(onChange, json, err));
        }
        if (result.batch().interrupted()) {
            err.println("exhibit: interrupted; run the same command again to resume it");
        }
        boolean missing = result.checks().stream().anyMatch(c -> c.capture() == null);
        return result.batch().interrupted() || missing || !list.problems().isEmpty() ? ExitCode.FAILED : ExitCode.OK;
    }

    private static void table(RecheckResult r, PrintWriter out) {
        out.printf("%-11s %-14s %-14s %s%n", "VERDICT", "PREVIOUS", "NEW", "URL  (why)");
        for (UrlCheck c : r.checks()) {
            out.printf("%-11s %-14s %-14s %s  (%s)%n", c.verdict() == null ? "-" : c.verdict().json(),
                    c.previous() == null ? "-" : c.previous(), c.capture() == null ? "-" : c.capture(), c.url(), c.reason());
        }
        for (UrlCheck c : r.checks()) {
            for (EventDetails.Reupload u : c.reuploads()) {
                out.println("RE-UPLOAD  " + u.artifact() + "  " + u.method() + " "
                        + (u.distance() != null ? "distance " + u.distance() : u.share() + "% of frames")
                        + "  " + (u.url() == null ? c.url() : u.url()) + "  matches " + u.listed());
            }
        }
        out.println();
        out.println("Timelines:");
        TimelinePrinter.print(r.timelines(), out);
    }

    private HashList hashLists() {
        if (hashes.isEmpty()) {
            return null;
        }
        List<HashEntry> all = new ArrayList<>();
        for (Path h : hashes) {
            if (!Files.isRegularFile(h)) {
                throw new UsageException("--hashes: expected a hash list file, got " + h);
            }
            try {
                all.addAll(HashList.read(h).entries());
            } catch (IOException | RuntimeException e) {
                throw new UsageException("--hashes: cannot read hash list " + h + ": " + e.getMessage(), e);
            }
        }
        return new HashList(all);
    }

    private static VpdqHasher hasher() {
        try {
            return new VpdqHasher(Ffmpeg.onPath(), VpdqHasher.SECONDS_PER_HASH);
        } catch (FfmpegMissingException e) {
            return null;
        }
    }

    /** {@code --install-timer}: the units and the cron line for this same command, without the option. */
    private int printTimer(PrintWriter out) {
        long minutes = RecheckTimer.minutes(installTimer);
        List<String> args = new ArrayList<>();
        List<String> given = spec.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i);
            if (a.equals("--install-timer")) {
                i++;
            } else if (!a.startsWith("--install-timer=")) {
                args.add(a);
            }
        }
        List<String> command = new ArrayList<>(launcher());
        command.add("recheck");
        command.addAll(args);
        String name = "exhibit-recheck-" + caseDir.toAbsolutePath().normalize().getFileName().toString()
                .replaceAll("[^A-Za-z0-9_.-]", "-");
        RecheckTimer timer = new RecheckTimer(minutes, command, Path.of("").toAbsolutePath(),
                Exhibit.environment(spec).home().toAbsolutePath(), name);
        out.print(timer.text());
        out.flush();
        return ExitCode.OK;
    }

    /** How this very Exhibit is started: {@code java -jar exhibit.jar}, or java with its class path. */
    private static List<String> launcher() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path code = Path.of(Exhibit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.toString().endsWith(".jar")) {
                return List.of(java, "-jar", code.toAbsolutePath().toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back on the class path
        }
        return List.of(java, "-cp", System.getProperty("java.class.path"), Exhibit.class.getName());
    }
}
