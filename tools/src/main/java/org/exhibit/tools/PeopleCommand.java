package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exhibit.metadata.search.CaseTexts;
import org.exhibit.metadata.search.Identifier;
import org.exhibit.metadata.search.People;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhibit people --case DIR}: every account, address and number the case's text names. */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = {"List every handle (@name), e-mail address, phone number, web host and chat sender found "
                + "in the case (captured pages' text, chat messages, e-mails, OCR text), with where each appears.",
                "Found by patterns: check each against the evidence it names."})
public final class PeopleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Override
    public Integer call() throws IOException {
        CaseTexts texts = CaseTexts.of(CaseCommand.open(caseDir));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        texts.problems().forEach(p -> err.println("exhibit: warning: not read: " + p));
        for (Identifier id : People.find(texts.units())) {
            out.println(id.kind() + "  " + id.value());
            id.places().forEach(p -> out.println("    " + p));
        }
        return ExitCode.OK;
    }
}
