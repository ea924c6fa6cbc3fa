package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.capture.recheck.CaseCaptures;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhibit timeline --case DIR}: each URL's timeline, derived from the records and the custody log. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Print each captured URL's timeline: when it was first seen online, every recheck, when it went "
                + "down (between the last capture that saw it online and the first that found it gone) and when it "
                + "came back, and each takedown notice that named it ('exhibit takedown' on the case folder): a URL "
                + "that went down after one says after which notice. Derived each time from the capture records and "
                + "the custody log's 'rechecked' and 'notice-drafted' lines; nothing is stored besides them. Contacts "
                + "nothing.", "",
                "--gone lists only the URLs whose latest capture found them gone; --online only those online now "
                + "('exhibit takedown --back-online' drafts notices again for those back online after being gone).",
                "",
                "--json prints {timelines: [{url, now, lines: [{time, capture, what}], periods: [{state, from, to, "
                + "captures, first, last, reason, notice}]}]}; notice (after which takedown notice a period gone "
                + "began) is left out when there is none."},
        footer = {"", "Exit status: 0; 2 for a bad argument.", "",
                "Example:", "  exhibit timeline --case cases/2026-017 --online"})
public final class TimelineCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Option(names = "--online", description = "Only the URLs online at their latest capture.")
    boolean online;

    @Option(names = "--gone", description = "Only the URLs gone at their latest capture.")
    boolean gone;

    @Option(names = "--json", description = "Print the timelines as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (online && gone) {
            throw new UsageException("expected --online or --gone, got both");
        }
        List<Timeline> all = CaseCaptures.read(CaseCommand.open(caseDir)).timelines().stream()
                .filter(t -> !online || t.now() == org.exhibit.integrity.timeline.State.ONLINE)
                .filter(t -> !gone || t.now() == org.exhibit.integrity.timeline.State.GONE).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new String(Json.bytes(java.util.Map.of("timelines",
                    all.stream().map(RecheckSummary.TimelineJson::of).toList())), StandardCharsets.UTF_8));
        } else {
            TimelinePrinter.print(all, out);
        }
        out.flush();
        return ExitCode.OK;
    }
}
