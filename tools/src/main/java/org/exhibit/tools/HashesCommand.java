package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.hashlist.HashList;
import org.exhibit.metadata.vpdq.Ffmpeg;
import org.exhibit.metadata.vpdq.FfmpegMissingException;
import org.exhibit.metadata.vpdq.UnreadableVideoException;
import org.exhibit.metadata.vpdq.VpdqHasher;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exhibit hashes}: the hash list of a case, or of photos and videos given directly, hashed on this machine.
 * No image or video data is written, and nothing is sent anywhere.
 */
@Command(name = "hashes", mixinStandardHelpOptions = true,
        description = {"Write the hash list of a case's images and videos, or of your own photos and videos, hashed "
                + "on this machine (nothing is sent anywhere): PDQ and SHA-256 per image; SHA-256, MD5 and vPDQ per "
                + "video.",
                "",
                "A list is CSV (one row per file: pdq, quality, md5, sha256, media_type, source, path, url, vpdq) or "
                + "JSON ({\"entries\": [...]}, the same fields). A video's vPDQ hash is a file of its own in the "
                + "ThreatExchange reference's text form (frame_number,quality,pdq_hex,timestamp_seconds, one line "
                + "per second of video), written with -o FILE into the folder FILE.vpdq/ as <sha256>.txt; the "
                + "vpdq column names it. Hand a matching service the list with its folder; 'exhibit match' reads "
                + "both back. Without -o the list goes to stdout without vPDQ."},
        footer = {"", "Videos need ffmpeg (bin/setup installs it).", "", "Examples:",
                "  exhibit hashes --case cases/2026-017 -o hashes.csv",
                "  exhibit hashes --files me1.jpg clip.mp4 -o mine.csv      # mine.csv and mine.csv.vpdq/",
                "  exhibit hashes --files me1.jpg me2.jpg --format json -o my-photos.json"})
public final class HashesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--case", paramLabel = "DIR", description = "The case folder.")
        Path caseDir;

        @Option(names = "--files", paramLabel = "FILE", arity = "1..*",
                description = "Your own photos or videos to hash on this machine.")
        List<Path> files;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here (and videos' vPDQ hashes into FILE.vpdq/) instead of stdout.")
    Path output;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv (default) or json.")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UsageException("expected --format csv or json, got " + format);
        }
        PrintWriter err = spec.commandLine().getErr();
        VpdqHasher hasher = hasher();
        HashList list;
        try {
            if (source.caseDir != null) {
                if (!Files.isDirectory(source.caseDir.resolve(CaseLayout.DATA))) {
                    throw new UsageException("expected a case folder with data/, got " + source.caseDir);
                }
                list = HashList.fromCase(source.caseDir, hasher, w -> err.println("exhibit: " + w));
            } else {
                for (Path f : source.files) {
                    if (!Files.isRegularFile(f)) {
                        throw new UsageException("expected a file, got " + f);
                    }
                }
                list = HashList.fromFiles(source.files, new ArtifactInspector(), new VpdqHasher());
            }
        } catch (FfmpegMissingException | UnreadableVideoException e) {
            throw new UsageException(e.getMessage(), e);
        }
        long withoutVpdq = list.entries().stream().filter(e -> e.video() && e.vpdq() == null).count();
        if (withoutVpdq > 0) {
            err.println("exhibit: " + withoutVpdq + " video(s) listed without vPDQ (MD5 and SHA-256 only)"
                    + (hasher == null ? ": ffmpeg is not installed (bin/setup installs it)" : ""));
        }
        HashList.Format form = format.equals("json") ? HashList.Format.JSON : HashList.Format.CSV;
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            if (form == HashList.Format.JSON) {
                out.write(new String(list.json(), StandardCharsets.UTF_8));
                out.flush();
            } else {
                list.writeCsv(out);
            }
            if (list.videoHashes() > 0) {
                err.println("exhibit: the vPDQ hashes of " + list.videoHashes() + " video(s) are written only with "
                        + "-o FILE (into FILE" + HashList.VPDQ_FOLDER_SUFFIX + "/)");
            }
        } else {
            list.write(output, form);
            err.println(list.entries().size() + " hashes written to " + output + (list.videoHashes() == 0 ? ""
                    : ", the vPDQ hashes of " + list.videoHashes() + " video(s) to " + HashList.vpdqFolder(output)
                    + "/"));
        }
        return ExitCode.OK;
    }

    /** A vPDQ hasher when ffmpeg is installed, else null (a case's videos are then listed by MD5 only). */
    private static VpdqHasher hasher() {
        try {
            return new VpdqHasher(Ffmpeg.onPath(), VpdqHasher.SECONDS_PER_HASH);
        } catch (FfmpegMissingException e) {
            return null;
        }
    }
}
