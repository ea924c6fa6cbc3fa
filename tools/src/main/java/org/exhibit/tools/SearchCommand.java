package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.metadata.search.CaseSearch;
import org.exhibit.metadata.search.CaseTexts;
import org.exhibit.metadata.search.Hit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exhibit search --case DIR TEXT}: where a handle, name, number or URL appears in the case's text. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find a username, handle, phone number, e-mail address or URL in the case: captured pages' "
                + "text, chat messages, e-mails (headers and body) and text read by OCR from images.",
                "Prints one hit per line: the capture or item, the file, where in it, what kind of text, and the "
                        + "line. Exit 0 when found, 1 when not."})
public final class SearchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Parameters(index = "0", paramLabel = "TEXT", description = "What to find (case-insensitive; a phone number "
            + "matches however its digits are spaced).")
    String text;

    @Override
    public Integer call() throws IOException {
        if (text.isBlank()) {
            throw new UsageException("TEXT: expected something to search for, got an empty text");
        }
        CaseTexts texts = CaseTexts.of(CaseCommand.open(caseDir));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        texts.problems().forEach(p -> err.println("exhibit: warning: not searched: " + p));
        List<Hit> hits = CaseSearch.search(texts.units(), text);
        for (Hit h : hits) {
            out.println(h.evidence() + "  " + h.file() + (h.where().isEmpty() ? "" : "  " + h.where()) + "  ["
                    + h.kind() + "]  " + h.snippet());
        }
        if (hits.isEmpty()) {
            err.println("exhibit: \"" + text + "\" not found in " + texts.units().size() + " texts of the case");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
