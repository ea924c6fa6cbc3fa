package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.RecordStamper;
import org.exhibit.integrity.workspace.StampOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code exhibit stamp --case DIR}: completes timestamps that were pending because no TSA answered. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = "Timestamp every capture and item record whose timestamp is still pending: each record "
                + "gets the token of every TSA given (--tsa) that it lacks; the tokens it has are kept.")
public final class StampCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Mixin
    TsaOptions tsaOptions;

    @Override
    public Integer call() throws IOException {
        CaseWorkspace ws = CaseCommand.open(caseDir);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Environment env = Exhibit.environment(spec);
        int still = 0;
        try (TsaOptions.Session tsas = tsaOptions.open(env.home())) {
            Timestamper timestamper = tsas.timestamper(TrustAnchors.jdkDefaults());
            if (RecordStamper.pending(ws, timestamper.names()).isEmpty()) {
                out.println("no pending timestamps in " + ws.root());
                return ExitCode.OK;
            }
            PublicIdentity me = Investigator.publicInfo(env);
            RecordStamper stamper = new RecordStamper(ws, timestamper, me.actor());
            List<StampOutcome> outcomes = stamper.stampPending();
            for (StampOutcome o : outcomes) {
                out.println(ws.root().relativize(o.record()) + "  " + Stamps.describe(o));
                Stamps.warn(o, err, Exhibit.quiet(spec));
                still += o.complete() ? 0 : 1;
            }
            if (still > 0) {
                err.println("exhibit: " + still + " of " + outcomes.size() + " timestamps still pending");
            }
        }
        return still == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
