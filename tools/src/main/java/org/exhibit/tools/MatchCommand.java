package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.format.json.Json;
import org.exhibit.metadata.hashlist.HashList;
import org.exhibit.metadata.hashlist.HashMatch;
import org.exhibit.metadata.hashlist.HashMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.exhibit.format.layout.CaseLayout;

/** {@code exhibit match}: finds the case's images (and videos) that match a hash list. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Compare every image in a case with a list of PDQ hashes and report matches with their distance.",
        footer = {"", "Exit status: 0 with or without matches; 2 for a bad argument or an unreadable list.", "",
                "Example:", "  exhibit match --case cases/2026-017 --hashes my-photos.csv --threshold 31"})
public final class MatchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", paramLabel = "DIR", required = true, description = "The case folder.")
    Path caseDir;

    @Option(names = "--hashes", paramLabel = "FILE", required = true, description = "A hash list (CSV or JSON).")
    Path hashes;

    @Option(names = "--threshold", paramLabel = "BITS", defaultValue = "31",
            description = "Largest PDQ distance that counts as a match (default ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--json", description = "Print the matches as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (threshold < 0 || threshold > 256) {
            throw new UsageException("expected --threshold 0-256, got " + threshold);
        }
        if (!Files.isDirectory(caseDir.resolve(CaseLayout.DATA))) {
            throw new UsageException("expected a case folder with data/, got " + caseDir);
        }
        if (!Files.isRegularFile(hashes)) {
            throw new UsageException("expected a hash list file, got " + hashes);
        }
        HashList list;
        try {
            list = HashList.read(hashes);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read hash list " + hashes + ": " + e.getMessage(), e);
        }
        List<HashMatch> matches = new HashMatcher(threshold).match(HashList.fromCase(caseDir), list);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new String(Json.bytes(java.util.Map.of("matches", matches)), StandardCharsets.UTF_8));
        } else {
            for (HashMatch m : matches) {
                out.printf("%s %3d  %s/%s  %s  matches %s%s%n", m.method(), m.distance(), m.found().source(),
                        m.found().path(), m.found().url() == null ? "-" : m.found().url(),
                        m.listed().source() == null ? m.listed().pdq() : m.listed().source(),
                        m.reliable() ? "" : "  (low quality: check by eye)");
            }
            out.flush();
            spec.commandLine().getErr().println(matches.size() + " match(es) at threshold " + threshold);
        }
        return ExitCode.OK;
    }
}
