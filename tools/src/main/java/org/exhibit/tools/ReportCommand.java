package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exhibit.integrity.crypt.DecryptedBundle;
import org.exhibit.report.CaseReport;
import org.exhibit.report.depiction.ImageMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhibit report --case DIR|BUNDLE [-o DIR] [--show-images]}: the case report as HTML and PDF. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the case report (report.html and report.pdf) from a case folder or a sealed bundle.",
        footer = {"", "Images and screenshots are blurred unless --show-images is given; the evidence is never changed."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR|BUNDLE",
            description = "The case folder, or a sealed bundle .zip (read in place, never extracted), or an "
                    + "encrypted bundle .zip.p7m (decrypted without writing it to disk; video stills are not drawn).")
    Path source;

    @CommandLine.Mixin
    DecryptOptions decryption;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write report.html and report.pdf into (default: the current folder).")
    Path output;

    @Option(names = "--show-images",
            description = "Show images and screenshots (scaled down) instead of blurring them. They may show intimate content.")
    boolean showImages;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(source)) {
            throw new UsageException("--case: expected a case folder or a bundle .zip, got " + source + " (not found)");
        }
        CaseReport report;
        DecryptedBundle decrypted = Files.isRegularFile(source) && DecryptOptions.encrypted(source)
                ? decryption.open(source, Exhibit.environment(spec)) : null;
        try {
            report = decrypted != null ? CaseReport.open(decrypted) : CaseReport.open(source);
        } catch (IOException e) {
            if (decrypted != null) {
                decrypted.close();
            }
            throw new UsageException("--case: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (decrypted; report) {
            for (Path written : report.writeTo(output, showImages ? ImageMode.SHOWN : ImageMode.BLURRED)) {
                out.println(written);
            }
        }
        if (showImages && !Exhibit.quiet(spec)) {
            spec.commandLine().getErr().println("exhibit: warning: images are shown unblurred; share these reports with care");
        }
        return ExitCode.OK;
    }
}
