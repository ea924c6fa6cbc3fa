package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.Capturer;
import org.exhibit.capture.batch.BatchListener;
import org.exhibit.capture.batch.BatchOptions;
import org.exhibit.capture.batch.BatchResult;
import org.exhibit.capture.batch.BatchRunner;
import org.exhibit.capture.batch.BatchSummary;
import org.exhibit.capture.batch.CapturerJob;
import org.exhibit.capture.batch.LinkList;
import org.exhibit.capture.batch.LinkProblem;
import org.exhibit.capture.batch.ProgressBar;
import org.exhibit.capture.batch.ProgressLines;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.workspace.CaseWorkspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The batch half of {@code exhibit capture}: {@code --urls FILE} with {@code --parallel}, {@code --grid},
 * {@code --proxy-host} and {@code --json}. A mixin, so {@code capture} stays one command; the work is in
 * {@link BatchRunner}.
 */
public final class BatchCapture {
    @Option(names = "--urls", paramLabel = "FILE",
            description = "A link list: one URL a line (# comments), or CSV with a header: url and optionally "
                    + "platform, username, description, notes. Run the same command again to resume.")
    Path urls;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Browsers at once (default: what this machine can take, one per core within free memory).")
    Integer parallel;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "3",
            description = "Tries per URL when the network fails before any answer (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--retry-pause", paramLabel = "SECONDS", defaultValue = "2",
            description = "Pause before the second try, doubled for each further one (default: ${DEFAULT-VALUE}).")
    double retryPause;

    @Option(names = "--grid", paramLabel = "URL",
            description = "Run the browsers on this Selenium Grid 4 (records, timestamps and custody log stay here).")
    URI grid;

    @Option(names = "--proxy-host", paramLabel = "HOST",
            description = "The address browsers reach the recording proxy at, and the proxy listens on "
                    + "(default 127.0.0.1; with --grid, an address of this machine the Grid nodes can reach).")
    String proxyHost;

    @Option(names = "--json", description = "Print the result (of the batch, of the recheck) as JSON on stdout instead of the table.")
    boolean json;

    /** True when {@code --urls} was given. */
    public boolean requested() {
        return urls != null;
    }

    /** {@code options} with the Grid and proxy address given here. */
    public CaptureOptions apply(CaptureOptions options) {
        CaptureOptions o = proxyHost == null ? options : options.withProxyHost(proxyHost);
        return grid == null ? o : o.withGrid(grid);
    }

    /** --parallel, --attempts and --retry-pause as batch options; a bad value is a {@link UsageException}. */
    BatchOptions batchOptions() {
        try {
            BatchOptions batch = BatchOptions.defaults().withRetries(attempts, Duration.ofMillis((long) (retryPause * 1000)));
            return parallel == null ? batch : batch.withParallel(parallel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Progress on stderr: a bar on a terminal, lines otherwise, nothing with --quiet. */
    static BatchListener progress(CommandSpec spec) {
        PrintStream progressOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        return Exhibit.quiet(spec) ? null
                : System.console() != null ? new ProgressBar(progressOut) : new ProgressLines(progressOut);
    }

    /** Runs the list into {@code ws} with {@code options}, which {@link #apply} has made; returns the exit code. */
    public int run(CommandSpec spec, CaseWorkspace ws, Path caseDir, PublicIdentity me, CaptureOptions options)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LinkList list = LinkList.read(urls);
        for (LinkProblem p : list.problems()) {
            err.println("exhibit: " + p.message(urls.toString()));
        }
        BatchOptions batch = batchOptions();
        BatchListener progress = progress(spec);
        BatchResult result;
        try (Capturer capturer = new Capturer(ws, me, options)) {
            BatchRunner runner = new BatchRunner(ws, me.actor(), new CapturerJob(capturer), batch, progress);
            Thread hook = new Thread(() -> {
                runner.stopAndWait();
                capturer.close();                      // Ctrl-C: the running browsers are quit, not left behind
            }, "exhibit-batch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = runner.run(list);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for us
                }
            }
        }
        if (json) {
            out.println(new String(Json.bytes(BatchSummary.json(result)), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            BatchSummary.table(result, out);
        }
        out.flush();
        if (result.interrupted()) {
            err.println("exhibit: interrupted; run the same command again to resume: exhibit capture --case "
                    + caseDir + " --urls " + urls);
        }
        return result.allCaptured() ? ExitCode.OK : ExitCode.FAILED;
    }
}
