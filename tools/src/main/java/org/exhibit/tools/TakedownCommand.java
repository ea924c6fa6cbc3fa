package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.exhibit.capture.recheck.CaseCaptures;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.timeline.Timeline;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.metadata.hashlist.HashEntry;
import org.exhibit.metadata.hashlist.HashList;
import org.exhibit.metadata.hashlist.HashMatch;
import org.exhibit.metadata.hashlist.HashMatcher;
import org.exhibit.metadata.hashlist.VideoMatch;
import org.exhibit.report.TakedownAddressee;
import org.exhibit.report.TakedownNotices;
import org.exhibit.report.TakedownSelection;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;
import org.exhibit.tools.rdap.AbuseLookup;
import org.exhibit.tools.rdap.Bootstrap;
import org.exhibit.tools.rdap.BootstrapCache;
import org.exhibit.tools.rdap.RdapClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exhibit takedown --case DIR (--hashes FILE | --only WHAT... | --back-online) -o DIR [--lookup]}: removal notices naming the
 * content the victim marks as abusive, to complete and send yourself.
 */
@Command(name = "takedown", mixinStandardHelpOptions = true,
        description = {"Draft removal notices per host (text and PDF) and a search-engine delisting notice, naming "
                + "only the content you mark as abusive: the captured images and videos that match your hash list "
                + "(--hashes), or the captures, files or URLs you choose (--only), each with the page(s) showing it, "
                + "its SHA-256, capture and TSA times, and the hash-list match. Never the rest of a page's resources "
                + "(other users' avatars, the site's icons). Nothing is sent.",
                "",
                "--lookup addresses each notice to the host's abuse contacts found by RDAP (the domain's registrar "
                + "and the IP address's network), contacting RDAP servers only (and IANA for a missing or month-old "
                + "bootstrap file, kept in $EXHIBIT_HOME/rdap/)."},
        footer = {"", "On a case folder, each notice drafted is a 'notice-drafted' line of the custody log (its file's "
                + "SHA-256, host, addressee and URLs): the timelines then say after which notice a URL went down. A "
                + "sealed bundle does not change.", "",
                "Exit status: 0 notices written; 2 for a bad argument, nothing chosen or nothing matching.", "",
                "Examples:",
                "  exhibit takedown --case cases/2026-017 --hashes mine.csv -o notices/",
                "  exhibit takedown --case cases/2026-017 --only captures/0002 \\",
                "      --only https://img.example/p/4411.jpg -o notices/ --lookup",
                "  exhibit takedown --case cases/2026-017 --back-online -o notices-again/"})
public final class TakedownCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR|BUNDLE", description = "The case folder or sealed bundle.")
    Path source;

    @Option(names = "--hashes", paramLabel = "FILE",
            description = "Your hash list (from 'exhibit hashes --files', with its FILE.vpdq/ folder): name the "
                    + "captured images within --threshold bits of PDQ, and the videos matching by MD5 or vPDQ.")
    Path hashes;

    @Option(names = "--threshold", paramLabel = "BITS", defaultValue = "31",
            description = "Largest PDQ distance that counts as a match (default ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--only", paramLabel = "WHAT",
            description = "Name this too (repeatable): a capture (captures/0002: its page URL), a file of a capture "
                    + "(captures/0002/resources/…), or a captured page, image or video URL.")
    List<String> only = new ArrayList<>();

    @Option(names = "--back-online",
            description = "Re-issue for what is back online (case folder only): name the URLs whose latest capture "
                    + "found them online after an earlier one found them gone ('exhibit timeline', the 'back' of "
                    + "'exhibit recheck'), by that latest capture; with --hashes, only its matching images and videos.")
    boolean backOnline;

    @Option(names = "--host", paramLabel = "HOST", description = "Only the notice for this host (default: every host).")
    String host;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write the notices into.")
    Path output;

    @Option(names = "--basis", paramLabel = "nci|copyright|both", defaultValue = "both",
            description = "What the notices rest on: non-consensual intimate imagery, copyright (DMCA), or both (default).")
    String basis;

    @Option(names = "--lookup", description = "Find each host's abuse contact by RDAP and address the notice to it (off by default).")
    boolean lookup;

    @Option(names = "--rdap-bootstrap", paramLabel = "DIR",
            description = "With --lookup: read the IANA bootstrap files (dns.json, ipv4.json, ipv6.json) from DIR "
                    + "and never fetch them (default: $EXHIBIT_HOME/rdap/, refreshed from IANA when missing or stale).")
    Path bootstrapDir;

    @Option(names = "--lookup-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --lookup: how long to wait for each RDAP answer (default ${DEFAULT-VALUE}).")
    int lookupTimeout;

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
        if (hashes == null && only.isEmpty() && !backOnline) {
            throw new UsageException("expected --hashes FILE, --only CAPTURE|FILE|URL or --back-online: a notice names "
                    + "only the content you mark as abusive, never everything the page loaded");
        }
        boolean folder = Files.isDirectory(source);
        if (backOnline && !folder) {
            throw new UsageException("--back-online: expected a case folder (its timelines), got the bundle " + source);
        }
        if (threshold < 0 || threshold > 256) {
            throw new UsageException("--threshold: expected 0-256, got " + threshold);
        }
        if (lookupTimeout < 1 || lookupTimeout > 600) {
            throw new UsageException("--lookup-timeout: expected 1-600 seconds, got " + lookupTimeout);
        }
        if (bootstrapDir != null && !lookup) {
            throw new UsageException("--rdap-bootstrap: only with --lookup, got it without");
        }
        if (bootstrapDir != null && !Files.isDirectory(bootstrapDir)) {
            throw new UsageException("--rdap-bootstrap: expected a folder with dns.json, ipv4.json, ipv6.json, got "
                    + bootstrapDir);
        }
        PrintWriter err = spec.commandLine().getErr();
        CaseWorkspace ws = folder ? CaseCommand.open(source) : null;
        boolean logged = ws != null && Files.isRegularFile(ws.custody().file());
        PublicIdentity me = logged ? Investigator.publicInfo(Exhibit.environment(spec)) : null;
        List<String> back = backOnline ? backOnline(ws) : List.of();
        List<TakedownSelection.Match> matches = hashes == null ? List.of() : matches(err);
        if (backOnline && hashes != null) {
            matches = matches.stream().filter(m -> back.contains(m.source())).toList();
        }
        List<String> chosen = new ArrayList<>(only);
        if (backOnline && hashes == null) {
            chosen.addAll(back);
        }
        if (hashes != null && matches.isEmpty() && only.isEmpty()) {
            throw new UsageException("--hashes: no captured image or video of " + source
                    + (backOnline ? " back online (" + String.join(", ", back) + ")" : "") + " matches " + hashes
                    + " (PDQ threshold " + threshold + "): nothing to name; choose content with --only");
        }
        TakedownAddressee.Lookup contacts = lookup ? lookup(err) : null;
        List<TakedownNotices.Drafted> drafted;
        try {
            drafted = TakedownNotices.draft(source, output, new TakedownSelection(chosen, matches), host, b, contacts);
        } catch (IllegalArgumentException e) {
            String prefix = TakedownNotices.isUnknownChoice(e) ? "--only: "
                    : host != null && e.getMessage().contains("host") ? "--host: " : "";
            throw new UsageException(prefix + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (TakedownNotices.Drafted d : drafted) {
            out.println(d.txt());
            out.println(d.pdf());
        }
        if (logged) {
            for (TakedownNotices.Drafted d : drafted) {
                String sha = Sha256.of(d.txt()).hex();
                ws.custody().append(me.actor(), CustodyEvent.NOTICE_DRAFTED, CustodyEvent.NOTICE_SUBJECT + sha,
                        EventDetails.of(new EventDetails.NoticeDrafted(d.delisting() ? EventDetails.DELISTING_NOTICE
                                : EventDetails.HOST_NOTICE, d.host(), d.contacts(), d.txt().getFileName().toString(),
                                sha, Sha256.of(d.pdf()).hex(), d.urls())));
            }
        }
        if (!Exhibit.quiet(spec)) {
            err.println("exhibit: " + (logged ? drafted.size() + " notice(s) logged in the case's custody log; "
                    : folder ? "not logged: " + source + " has no custody log; "
                    : "not logged: a sealed bundle does not change; ")
                    + "nothing was sent; complete the [brackets] and send the notices yourself");
        }
        return ExitCode.OK;
    }

    /** The latest capture of each URL back online after being gone, {@code captures/0007}. */
    private static List<String> backOnline(CaseWorkspace ws) throws IOException {
        List<String> out = new ArrayList<>();
        for (Timeline t : CaseCaptures.read(ws).timelines()) {
            if (t.back()) {
                out.add(t.latest().capture());
            }
        }
        if (out.isEmpty()) {
            throw new UsageException("--back-online: no URL of " + ws.root() + " is back online (its latest capture "
                    + "online after one gone); see 'exhibit timeline --case " + ws.root() + "', or run 'exhibit recheck'");
        }
        return out;
    }

    /** The captured images and videos matching the hash list, each with the match in words. */
    private List<TakedownSelection.Match> matches(PrintWriter err) throws IOException {
        if (!Files.isRegularFile(hashes)) {
            throw new UsageException("--hashes: expected a hash list file, got " + hashes);
        }
        HashList list;
        try {
            list = HashList.read(hashes);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--hashes: cannot read hash list " + hashes + ": " + e.getMessage(), e);
        }
        HashList found;
        if (Files.isDirectory(source)) {
            found = HashList.fromCase(source, list.videoHashes() == 0 ? null : MatchCommand.hasher(),
                    w -> err.println("exhibit: " + w));
        } else {
            found = fromBundle(source);
            if (list.videoHashes() > 0) {
                err.println("exhibit: a sealed bundle's videos are matched by MD5 only; give the case folder for vPDQ");
            }
        }
        HashMatcher matcher = new HashMatcher(threshold);
        List<TakedownSelection.Match> out = new ArrayList<>();
        for (HashMatch m : matcher.match(found, list)) {
            out.add(new TakedownSelection.Match(m.found().source(), m.found().path(), "md5".equals(m.method())
                    ? "the same file as " + MatchCommand.name(m.listed()) + " (same MD5)"
                    : "PDQ distance " + m.distance() + " of 256 bits to " + MatchCommand.name(m.listed())
                    + " (" + threshold + " or less is a match)" + (m.reliable() ? "" : "; low quality: check by eye")));
        }
        for (VideoMatch v : matcher.matchVideos(found, list)) {
            if (v.match()) {
                String name = MatchCommand.name(v.listed());
                out.add(new TakedownSelection.Match(v.found().source(), v.found().path(), String.format(Locale.ROOT,
                        "vPDQ: %.1f%% of its %d frames are in %s; %.1f%% of the %d frames of %s are in it",
                        v.foundShare(), v.foundFrames(), name, v.listedShare(), v.listedFrames(), name)));
            }
        }
        return out;
    }

    /** The images and videos a sealed bundle's capture records list, with their PDQ and MD5 (read in place). */
    private static HashList fromBundle(Path bundle) throws IOException {
        List<HashEntry> out = new ArrayList<>();
        try (CaseFiles files = CaseFiles.open(bundle)) {
            CaseReader reader = new CaseReader(files);
            for (Entry e : reader.entries()) {
                if (e.kind() == Entry.Kind.CAPTURE && reader.record(e) instanceof CaptureRecord r) {
                    String url = r.finalUrl() != null ? r.finalUrl() : r.requestedUrl();
                    for (Artifact a : r.artifacts() == null ? List.<Artifact>of() : r.artifacts()) {
                        HashEntry h = HashEntry.of(a, CaseLayout.CAPTURES + "/" + e.id(), url);
                        if (h.listable()) {
                            out.add(h);
                        }
                    }
                }
            }
        }
        return new HashList(out);
    }

    private TakedownAddressee.Lookup lookup(PrintWriter err) throws IOException {
        Duration timeout = Duration.ofSeconds(lookupTimeout);
        Bootstrap bootstrap;
        try {
            bootstrap = bootstrapDir != null ? Bootstrap.read(bootstrapDir)
                    : BootstrapCache.load(Exhibit.environment(spec).home().resolve("rdap"), BootstrapCache.IANA,
                    timeout, w -> err.println("exhibit: " + w));
        } catch (IOException e) {
            err.println("exhibit: no abuse-contact lookup: " + e.getMessage());
            String why = e.getMessage();
            return (h, ip) -> new TakedownAddressee(List.of(), why);
        }
        return new AbuseLookup(bootstrap, new RdapClient(timeout), w -> err.println("exhibit: " + w));
    }
}
