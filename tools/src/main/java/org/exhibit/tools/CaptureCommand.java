package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.CaptureResult;
import org.exhibit.capture.Capturer;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.workspace.CaseWorkspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exhibit capture --case DIR URL...} or {@code --urls FILE}. (Batch branch stand-in: the browser branch's
 * CaptureCommand takes {@code @Mixin BatchCapture batch} and the three lines marked below.)
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Capture web pages into the case: WARC/WACZ, screenshots, DOM, MHTML, PDF, timestamped.")
public final class CaptureCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Mixin
    TsaOptions tsaOptions;

    @Mixin
    BatchCapture batch;

    @Parameters(arity = "0..*", paramLabel = "URL", description = "URLs to capture.")
    List<String> urls = List.of();

    @Override
    public Integer call() throws IOException {
        if (urls.isEmpty() != batch.requested()) {
            throw new UsageException("expected URLs or --urls FILE, got " + (urls.isEmpty() ? "neither" : "both"));
        }
        CaseWorkspace ws = CaseCommand.open(caseDir);
        PublicIdentity me = Investigator.publicInfo();
        try (TsaOptions.Session tsas = tsaOptions.open(ExhibitHome.resolve())) {
            CaptureOptions options = CaptureOptions.defaults().withTimestamper(tsas.timestamper(TrustAnchors.jdkDefaults()));
            if (batch.requested()) {                                                      // batch
                return batch.run(spec, ws, caseDir, me, options);                         // batch
            }                                                                             // batch
            Capturer capturer = new Capturer(ws, me, batch.apply(options));
            int failed = 0;
            for (String url : urls) {
                CaptureResult r = capturer.capture(url, Map.of());
                spec.commandLine().getOut().println(r.id() + "  " + r.outcome().json() + "  " + url);
                failed += r.outcome().json().equals("failed") ? 1 : 0;
            }
            return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
        }
    }
}
