package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.integrity.custody.ChainReport;
import org.exhibit.integrity.custody.CustodyLog;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.RecordStamper;
import org.exhibit.integrity.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code exhibit case init|check}: a case workspace and its custody log. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Create and check case workspaces.",
        subcommands = {CaseCommand.Init.class, CaseCommand.Check.class, CommandLine.HelpCommand.class})
public final class CaseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens a case, as a one-line usage error when DIR is not one. */
    static CaseWorkspace open(Path dir) throws IOException {
        try {
            return CaseWorkspace.open(dir);
        } catch (WorkspaceException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a case workspace in DIR (new or empty) with its custody log.")
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The case directory (new or empty).")
        Path dir;

        @Option(names = "--id", required = true, paramLabel = "CASE-ID",
                description = "Case id: 1-64 letters, digits, '.', '_' or '-' (used in bundle names).")
        String id;

        @Option(names = "--title", paramLabel = "TITLE", description = "A title for people.")
        String title;

        @Override
        public Integer call() throws IOException {
            try {
                CaseWorkspace.checkId(id);
            } catch (WorkspaceException e) {
                throw new UsageException("--id: " + e.getMessage());
            }
            PublicIdentity me = Investigator.publicInfo(Exhibit.environment(spec));
            CaseWorkspace ws;
            try {
                ws = CaseWorkspace.init(dir, id, title, me);
            } catch (WorkspaceException e) {
                throw new UsageException(e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Case " + ws.id() + " opened in " + ws.root());
            out.println("investigator: " + me.name() + " (" + me.fingerprint() + ")");
            out.println("next: exhibit ingest --case " + dir + " FILE...   or   exhibit capture --case " + dir + " URL");
            return ExitCode.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the custody log's hash chain and list records whose timestamp is pending, and from which TSA.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The case directory.")
        Path dir;

        @Option(names = "--repair", description = "Cut off a half-written last log line (kept in a .cut- file beside it).")
        boolean repair;

        @Override
        public Integer call() throws IOException {
            CaseWorkspace ws = open(dir);
            CustodyLog log = ws.custody();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (repair) {
                long cut = log.repair();
                out.println(cut == 0 ? "custody log: nothing to repair" : "custody log: cut a half-written last line ("
                        + cut + " bytes, kept beside the log)");
            }
            ChainReport chain = log.verify();
            String where = ws.root().relativize(log.file()).toString();
            if (chain.intact()) {
                out.println(where + ": " + chain.summary());
            } else {
                err.println("exhibit: " + where + ": " + chain.firstBreak().message());
            }
            for (Map.Entry<Path, List<String>> p : RecordStamper.waitingFor(ws).entrySet()) {
                out.println(ws.root().relativize(p.getKey()) + ": timestamp pending" + (p.getValue().isEmpty() ? ""
                        : " from " + String.join(", ", p.getValue())) + " (run `exhibit stamp --case " + dir + "`)");
            }
            return chain.intact() ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
