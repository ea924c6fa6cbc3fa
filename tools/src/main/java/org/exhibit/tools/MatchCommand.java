package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.metadata.hashlist.HashEntry;
import org.exhibit.metadata.hashlist.HashList;
import org.exhibit.metadata.hashlist.HashMatch;
import org.exhibit.metadata.hashlist.HashMatcher;
import org.exhibit.metadata.hashlist.VideoMatch;
import org.exhibit.metadata.vpdq.Ffmpeg;
import org.exhibit.metadata.vpdq.FfmpegMissingException;
import org.exhibit.metadata.vpdq.VpdqHasher;
import org.exhibit.metadata.vpdq.VpdqSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exhibit match}: finds the case's images and videos that match a hash list. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Compare every image in a case with a list's PDQ hashes, and every video with its MD5 and "
                + "vPDQ hashes (a list from 'exhibit hashes --files', with its FILE.vpdq/ folder).",
                "",
                "Images: each match with its PDQ distance. Videos: each captured video against each listed video, "
                + "the share of its frames found in the listed video and the listed video's share found in it, "
                + "whether that is a match (80% of either video's frames within 31 bits of the other's: a cut of "
                + "the listed video, or a video it appears in) and where the matching frames are in both."},
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
            description = "Largest PDQ distance between two images that counts as a match (default ${DEFAULT-VALUE}).")
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
        PrintWriter err = spec.commandLine().getErr();
        HashList found = HashList.fromCase(caseDir, list.videoHashes() == 0 ? null : hasher(),
                w -> err.println("exhibit: " + w));
        HashMatcher matcher = new HashMatcher(threshold);
        List<HashMatch> matches = matcher.match(found, list);
        List<VideoMatch> videos = matcher.matchVideos(found, list);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<HashMatch> plain = matches.stream().map(m -> new HashMatch(m.found().withVpdq(null),
                    m.listed().withVpdq(null), m.method(), m.distance(), m.reliable())).toList();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("matches", plain);
            doc.put("videos", videos.stream().map(VideoJson::of).toList());
            out.print(new String(Json.bytes(doc), StandardCharsets.UTF_8));
            out.flush();
            return ExitCode.OK;
        }
        for (HashMatch m : matches) {
            out.printf("%s %3d  %s/%s  %s  matches %s%s%n", m.method(), m.distance(), m.found().source(),
                    m.found().path(), orDash(m.found().url()),
                    m.listed().source() == null ? m.listed().pdq() : m.listed().source(),
                    m.reliable() ? "" : "  (low quality: check by eye)");
        }
        for (VideoMatch v : videos) {
            String name = name(v.listed());
            out.printf("vpdq %-8s  %s/%s  %s  and %s%n", v.match() ? "match" : "no match", v.found().source(),
                    v.found().path(), orDash(v.found().url()), name);
            out.printf(Locale.ROOT, "      %.1f%% of its %d frames are in %s; %.1f%% of the %d frames of %s are in it%n",
                    v.foundShare(), v.foundFrames(), name, v.listedShare(), v.listedFrames(), name);
            for (VpdqSpan s : v.spans()) {
                out.printf("      %s at %s match %s at %s%n", s.frames() == 1 ? "frame" : "frames",
                        range(s.queryFrom(), s.queryTo()), name, range(s.targetFrom(), s.targetTo()));
            }
        }
        out.flush();
        long videoMatches = videos.stream().filter(VideoMatch::match).count();
        err.println(matches.size() + " match(es) at threshold " + threshold + (videos.isEmpty() ? ""
                : "; " + videoMatches + " of " + videos.size() + " video comparison(s) match by vPDQ"));
        return ExitCode.OK;
    }

    /** A listed file by its name: "a.mp4" for a victim's clip given as /home/me/a.mp4. */
    static String name(HashEntry e) {
        String p = e.path() != null ? e.path() : e.source() != null ? e.source() : e.sha256();
        return p == null ? "(unnamed)" : p.substring(p.lastIndexOf('/') + 1);
    }

    static String range(double from, double to) {
        return from == to ? String.format(Locale.ROOT, "%.1f s", from)
                : String.format(Locale.ROOT, "%.1f–%.1f s", from, to);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** A vPDQ hasher for the case's videos without a kept hash, when ffmpeg is installed. */
    static VpdqHasher hasher() {
        try {
            return new VpdqHasher(Ffmpeg.onPath(), VpdqHasher.SECONDS_PER_HASH);
        } catch (FfmpegMissingException e) {
            return null;
        }
    }

    /** A video comparison in {@code --json}: the two videos without their hashes, the shares and where. */
    record VideoJson(HashEntry found, HashEntry listed, boolean match, double foundShare, int foundFrames,
                     double listedShare, int listedFrames, List<Where> where) {
        static VideoJson of(VideoMatch v) {
            List<Where> where = new ArrayList<>();
            for (VpdqSpan s : v.spans()) {
                where.add(new Where(s.queryFrom(), s.queryTo(), s.targetFrom(), s.targetTo(), s.frames()));
            }
            return new VideoJson(v.found().withVpdq(null), v.listed().withVpdq(null), v.match(), v.foundShare(),
                    v.foundFrames(), v.listedShare(), v.listedFrames(), where);
        }
    }

    /** A run of matching frames: seconds in the found video, and in the listed video. */
    record Where(double foundFrom, double foundTo, double listedFrom, double listedTo, int frames) {
    }
}
