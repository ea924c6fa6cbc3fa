package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.Ingest;
import org.exhibit.integrity.workspace.ItemOutcome;
import org.exhibit.integrity.workspace.RecordStamper;
import org.exhibit.metadata.InspectingDescriber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code exhibit ingest --case DIR FILE...}: evidence files from disk into the case, bytes unchanged, timestamped. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Copy evidence files (screenshots, chat exports, .eml) into the case, unchanged, and timestamp them.")
public final class IngestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Option(names = "--source", paramLabel = "TEXT",
            description = "What the files are, in your words (e.g. \"WhatsApp export from the victim's phone\").")
    String source;

    @Option(names = "--no-parse",
            description = "Do not read chat exports into messages (nor ingest their attachments): files only.")
    boolean noParse;

    @Option(names = "--no-ocr", description = "Do not read the text of images with Tesseract OCR "
            + "(on by default; without Tesseract each image gets a warning).")
    boolean noOcr;

    @Mixin
    TsaOptions tsaOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to ingest.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        CaseWorkspace ws = CaseCommand.open(caseDir);
        Environment env = Exhibit.environment(spec);
        PublicIdentity me = Investigator.publicInfo(env);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = Exhibit.quiet(spec);
        int failed = 0;
        try (TsaOptions.Session tsas = tsaOptions.open(env.home())) {
            RecordStamper stamper = new RecordStamper(ws, tsas.timestamper(TrustAnchors.jdkDefaults()), me.actor());
            Ingest ingest = new Ingest(ws, stamper, me.actor(), new InspectingDescriber(!noParse, !noOcr));
            for (Path file : files) {
                for (ItemOutcome o : ingest.ingestWithContents(file, source)) {
                    if (report(o, out, err, quiet)) {
                        failed++;
                    }
                }
            }
        }
        if (failed > 0) {
            err.println("exhibit: " + failed + " of " + files.size() + " files not ingested");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** Prints one outcome; true when the file was not ingested. */
    private static boolean report(ItemOutcome o, PrintWriter out, PrintWriter err, boolean quiet) {
        if (!o.ingested()) {
            err.println("exhibit: " + o.error());
            return true;
        }
        String in = o.record().containedIn() == null ? ""
                : "  (in " + o.record().containedIn().item() + ": " + o.record().containedIn().path() + ")";
        out.println(o.stamp().subject() + "  " + o.record().originalName() + in + "  " + o.record().mediaType()
                + "  " + o.record().size() + " bytes  sha256 " + o.record().sha256() + "  "
                + Stamps.describe(o.stamp()));
        if (!quiet) {
            o.record().warnings().forEach(w -> err.println("exhibit: warning: " + o.stamp().subject() + ": " + w));
        }
        Stamps.warn(o.stamp(), err, quiet);
        return false;
    }
}
