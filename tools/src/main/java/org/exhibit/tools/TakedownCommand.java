package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.report.TakedownNotices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhibit takedown --case DIR [--host HOST] -o DIR}: removal notices to complete and send yourself. */
@Command(name = "takedown", mixinStandardHelpOptions = true,
        description = "Draft removal notices per host (text and PDF) and a search-engine delisting notice. Nothing is sent.")
public final class TakedownCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR|BUNDLE", description = "The case folder or sealed bundle.")
    Path source;

    @Option(names = "--host", paramLabel = "HOST", description = "Only the notice for this host (default: every host).")
    String host;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write the notices into.")
    Path output;

    @Option(names = "--basis", paramLabel = "nci|copyright|both", defaultValue = "both",
            description = "What the notices rest on: non-consensual intimate imagery, copyright (DMCA), or both (default).")
    String basis;

    @Override
    public Integer call() throws IOException {
        TakedownNotices.Basis b = switch (basis) {
            case "nci" -> TakedownNotices.Basis.NON_CONSENSUAL;
            case "copyright" -> TakedownNotices.Basis.COPYRIGHT;
            case "both" -> TakedownNotices.Basis.BOTH;
            default -> throw new UsageException("--basis: expected nci, copyright or both, got " + basis);
        };
        if (!Files.exists(source)) {
            throw new UsageException("--case: expected a case folder or a bundle .zip, got " + source + " (not found)");
        }
        List<Path> written;
        try {
            written = TakedownNotices.write(source, output, host, b);
        } catch (IllegalArgumentException e) {
            throw new UsageException((host != null && e.getMessage().contains("host") ? "--host: " : "") + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(out::println);
        if (!Exhibit.quiet(spec)) {
            spec.commandLine().getErr().println("exhibit: nothing was sent; complete the [brackets] and send the notices yourself");
        }
        return ExitCode.OK;
    }
}
