package org.exhibit.capture.video;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.files.FileTree;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.vpdq.Ffmpeg;
import org.exhibit.metadata.vpdq.VideoStream;
import org.exhibit.metadata.vpdq.VpdqHashFile;
import org.exhibit.metadata.vpdq.VpdqHasher;

/**
 * Keeps each video candidate as one playable file in {@code videos/}: the best rendition, every segment fetched
 * through the recording proxy, remuxed by ffmpeg without re-encoding, with its SHA-256, MD5 and vPDQ. Bounded in
 * bytes and time; a video cut by a bound is kept as far as it got and says so.
 *
 * <pre>{@code
 * VideoHarvester h = new VideoHarvester(client, inspector, Ffmpeg.onPath(), folder, VideoOptions.DEFAULT, ids);
 * VideoHarvester.Result r = h.harvest(VideoCandidates.find(proxy.exchanges(), videos, links), pageUrl);
 * }</pre>
 */
public final class VideoHarvester {
    private static final int MAX_PLAYLIST = 8 << 20;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    private final MediaClient client;
    private final ArtifactInspector inspector;
    private final Ffmpeg ffmpeg;
    private final Path folder;
    private final VideoOptions options;
    private final Function<Set<String>, List<String>> exchangeIds;
    private final Set<String> covered = new LinkedHashSet<>();
    private long budget;
    private long spentBefore;
    private Instant deadline;

    /** One kept video: its record, its files as artifacts, and the step that says what Exhibit fetched. */
    public record Kept(VideoRecord record, List<Artifact> artifacts, Step step) {
    }

    /**
     * @param videos   every video kept, in the order found
     * @param warnings what was cut or failed: the capture is partial when there is any
     */
    public record Result(List<Kept> videos, List<String> warnings) {
    }

    /**
     * @param ffmpeg      Debian's ffmpeg and ffprobe; null when missing (nothing is remuxed; a warning says so)
     * @param folder      the capture folder; files go to {@code videos/}
     * @param exchangeIds the WARC-Record-IDs of the exchanges that fetched these URLs
     */
    public VideoHarvester(MediaClient client, ArtifactInspector inspector, Ffmpeg ffmpeg, Path folder,
                          VideoOptions options, Function<Set<String>, List<String>> exchangeIds) {
        this.client = client;
        this.inspector = inspector;
        this.ffmpeg = ffmpeg;
        this.folder = folder;
        this.options = options;
        this.exchangeIds = exchangeIds;
    }

    /**
     * Counts {@code bytes} of media already fetched in this capture (the images) against
     * {@code --max-media-bytes}: the videos get what is left.
     */
    public VideoHarvester afterSpending(long bytes) {
        this.spentBefore = bytes;
        return this;
    }

    public Result harvest(List<Candidate> candidates, String page) {
        List<Kept> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        budget = options.maxBytes() - spentBefore;
        deadline = Instant.now().plus(options.timeBound());
        Path work = folder.resolve(".video-work");
        for (Candidate c : candidates) {
            if (covered.contains(VideoCandidates.key(c.url()))) {
                continue;
            }
            Instant started = Instant.now();
            Assembly a = new Assembly(c, page, work.resolve(String.valueOf(kept.size() + warnings.size())));
            try {
                Files.createDirectories(a.dir);
                switch (c.kind()) {
                    case Candidate.HLS -> hls(a);
                    case Candidate.DASH -> dash(a);
                    default -> file(a);
                }
                if (a.skip) {
                    continue;
                }
                kept.add(keep(a, started));
            } catch (IOException e) {
                a.warnings.add(c.kind() + " " + c.url() + ": " + e.getMessage());
                if (a.segmentsFetched > 0 || !c.kind().equals(Candidate.LINK)) {
                    kept.add(new Kept(a.record(null, null, null, null), List.of(), step(a, started, StepOutcome.FAILED)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a.warnings.add(c.kind() + " " + c.url() + ": interrupted");
                break;
            } finally {
                warnings.addAll(a.warnings);
                deleteQuietly(a.dir);
            }
        }
        deleteQuietly(work);
        return new Result(kept, warnings);
    }

    private void hls(Assembly a) throws IOException, InterruptedException {
        String text = client.text(a.candidate.url(), MAX_PLAYLIST, FETCH_TIMEOUT);
        a.fetched.add(a.candidate.url());
        String media = a.candidate.url();
        String audio = null;
        if (HlsPlaylist.isMaster(text)) {
            HlsPlaylist.Master master = HlsPlaylist.master(text, a.candidate.url());
            HlsPlaylist.Variant best = master.best();
            if (best == null) {
                throw new IOException("a master playlist without variants");
            }
            master.variants().forEach(v -> covered.add(VideoCandidates.key(v.uri())));
            master.renditions().stream().filter(r -> r.uri() != null).forEach(r -> covered.add(VideoCandidates.key(r.uri())));
            media = best.uri();
            HlsPlaylist.Rendition track = master.audioOf(best);
            audio = track == null ? null : track.uri();
            a.rendition = new VideoRecord.Rendition(best.width(), best.height(), best.bandwidth() > 0 ? best.bandwidth()
                    : null, best.codecs());
            text = null;
        }
        Path video = new HlsDownload(client, a, this).fetch(media, text);
        Path sound = audio == null ? null : new HlsDownload(client, a, this).fetch(audio, null);
        a.output = remux(a, video, sound);
    }

    private void dash(Assembly a) throws IOException, InterruptedException {
        String xml = client.text(a.candidate.url(), MAX_PLAYLIST, FETCH_TIMEOUT);
        a.fetched.add(a.candidate.url());
        List<DashManifest.Representation> reps = DashManifest.parse(xml, a.candidate.url());
        DashManifest.Representation video = DashManifest.best(reps, true);
        DashManifest.Representation audio = DashManifest.best(reps, false);
        if (video == null) {
            throw new IOException("a DASH manifest without a video representation");
        }
        for (DashManifest.Representation r : reps) {
            if (r.init() != null) {
                covered.add(VideoCandidates.key(r.init()));
            }
            r.segments().forEach(s -> covered.add(VideoCandidates.key(s)));
        }
        a.rendition = new VideoRecord.Rendition(video.width(), video.height(), video.bandwidth(),
                audio == null ? video.codecs() : video.codecs() + "," + audio.codecs());
        Path v = joined(a, video, "video.mp4");
        Path s = audio == null ? null : joined(a, audio, "audio.mp4");
        a.output = remux(a, v, s);
    }

    /** The initialisation segment and every media segment of a representation, one after the other. */
    private Path joined(Assembly a, DashManifest.Representation r, String name) throws IOException, InterruptedException {
        Path out = a.dir.resolve(name);
        List<String> parts = new ArrayList<>();
        if (r.init() != null) {
            parts.add(r.init());
        }
        parts.addAll(r.segments());
        a.segments += r.segments().size();
        Path part = a.dir.resolve(name + ".part");
        try (OutputStream o = Files.newOutputStream(out)) {
            for (String url : parts) {
                if (!fetch(a, url, part)) {
                    break;
                }
                Files.copy(part, o);
                if (!url.equals(r.init())) {
                    a.segmentsFetched++;
                }
            }
        }
        return out;
    }

    private void file(Assembly a) throws IOException, InterruptedException {
        Path out = a.dir.resolve("file");
        if (!fetch(a, a.candidate.url(), out)) {
            if (a.fetchedBytes == 0) {
                throw new IOException("nothing could be fetched");
            }
        }
        a.segments = 1;
        a.segmentsFetched = a.cut ? 0 : 1;
        if (ffmpeg == null) {
            a.output = out;
            return;
        }
        VideoStream stream;
        try {
            stream = ffmpeg.probe(out);
        } catch (IOException e) {
            if (a.candidate.kind().equals(Candidate.LINK)) {
                a.skip = true; // a link that is not a video: nothing to keep beyond the WARC record
                return;
            }
            throw e;
        }
        if (!(stream.durationSeconds() > 0)) {
            // no frames: an fMP4 initialisation segment a player loaded (its playlist's rendition is kept whole)
            a.skip = true;
            return;
        }
        a.output = out;
    }

    /** Fetches one part within the byte and time bounds; false when a bound stopped it (a.cut is then set). */
    boolean fetch(Assembly a, String url, Path to) throws IOException, InterruptedException {
        if (Instant.now().isAfter(deadline)) {
            a.cut("the time bound of " + options.timeBound().toSeconds() + " s for videos was reached");
            return false;
        }
        if (budget <= 0) {
            a.cut("the bound of " + options.maxBytes() + " bytes of media per capture (--max-media-bytes) was reached");
            return false;
        }
        MediaClient.Fetched f = client.get(url, to, budget, Duration.between(Instant.now(), deadline).plusSeconds(1));
        a.fetched.add(url);
        covered.add(VideoCandidates.key(url));
        budget -= f.bytes();
        a.fetchedBytes += f.bytes();
        if (!f.ok()) {
            throw new IOException(url + ": HTTP " + f.status());
        }
        if (f.cut()) {
            a.cut("the bound of " + options.maxBytes() + " bytes of media per capture (--max-media-bytes) was reached");
            return false;
        }
        return true;
    }

    Instant deadline() {
        return deadline;
    }

    VideoOptions options() {
        return options;
    }

    private Path remux(Assembly a, Path video, Path audio) throws IOException, InterruptedException {
        if (ffmpeg == null) {
            throw new IOException("ffmpeg is not installed, so the segments cannot be joined into a playable file "
                    + "(bin/setup installs Debian's ffmpeg); they are in the WARC");
        }
        if (a.segmentsFetched == 0) {
            throw new IOException("no segment could be fetched");
        }
        Path out = a.dir.resolve("kept.mp4");
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.ffmpeg().toString(), "-nostdin", "-v", "error", "-y"));
        input(cmd, video);
        if (audio != null) {
            input(cmd, audio);
        }
        cmd.addAll(List.of("-map", "0:v:0?", "-map", audio == null ? "0:a?" : "1:a:0?", "-c", "copy",
                "-movflags", "+faststart", out.toString()));
        Remux.run(cmd, a.dir, "joining the segments of " + a.candidate.url());
        return out;
    }

    private static void input(List<String> cmd, Path in) {
        if (in.toString().endsWith(".m3u8")) {
            cmd.addAll(List.of("-allowed_extensions", "ALL", "-protocol_whitelist", "file,crypto"));
        }
        cmd.addAll(List.of("-i", in.toString()));
    }

    private Kept keep(Assembly a, Instant started) throws IOException {
        Path out = a.output;
        Double duration = null;
        String mediaType = "video/mp4";
        List<Artifact> artifacts = new ArrayList<>();
        String vpdqPath = null;
        VideoRecord.Rendition rendition = a.rendition;
        if (ffmpeg != null) {
            VideoStream stream = ffmpeg.probe(out);
            duration = Double.isNaN(stream.durationSeconds()) ? null : stream.durationSeconds();
            rendition = new VideoRecord.Rendition(stream.width(), stream.height(),
                    rendition == null ? null : rendition.bandwidth(),
                    rendition != null && rendition.codecs() != null ? rendition.codecs() : stream.codec());
        }
        String ext = extension(a, out);
        mediaType = ext.equals("webm") ? "video/webm" : ext.equals("mkv") ? "video/x-matroska"
                : ext.equals("mov") ? "video/quicktime" : mediaType;
        Artifact hashed = inspector.inspect(out, out.getFileName().toString(), "video"); // SHA-256 and MD5, one read
        String sha = hashed.sha256();
        String md5 = hashed.md5();
        Path dir = Files.createDirectories(folder.resolve(CaptureFolder.VIDEOS));
        String name = CaptureFolder.VIDEOS + "/" + sha + "." + ext;
        Path kept = folder.resolve(name);
        Files.move(out, kept, StandardCopyOption.REPLACE_EXISTING);
        artifacts.add(new Artifact(name, "video", mediaType, hashed.size(), sha, md5, null, null, null, null, null,
                a.candidate.url(), a.warnings));
        if (ffmpeg != null) {
            try {
                Path vpdq = dir.resolve(sha + CaptureFolder.VPDQ_SUFFIX);
                VpdqHashFile.write(new VpdqHasher(ffmpeg, VpdqHasher.SECONDS_PER_HASH).hash(kept), vpdq);
                vpdqPath = CaptureFolder.VIDEOS + "/" + vpdq.getFileName();
                artifacts.add(Artifact.of(vpdqPath, "vpdq", "text/plain", Files.size(vpdq), Sha256.of(vpdq).hex()));
            } catch (IOException e) {
                a.warnings.add(name + ": no vPDQ hash: " + e.getMessage());
            }
        }
        VideoRecord record = a.record(name, duration, vpdqPath, rendition);
        return new Kept(record, artifacts, step(a, started, record.complete() ? StepOutcome.OK : StepOutcome.PARTIAL));
    }

    private Step step(Assembly a, Instant started, StepOutcome outcome) {
        String what = a.candidate.kind() + " " + a.candidate.url() + ": fetched " + a.fetched.size() + " URLs ("
                + a.fetchedBytes + " bytes) through the recording proxy"
                + (a.rendition == null || a.rendition.height() == null ? "" : ", best rendition "
                + a.rendition.width() + "x" + a.rendition.height())
                + (a.segments > 0 ? ", " + a.segmentsFetched + " of " + a.segments + " segments" : "")
                + (a.warnings.isEmpty() ? "" : "; " + String.join("; ", a.warnings));
        return new Step("video", started, Instant.now(), outcome, what);
    }

    private static String extension(Assembly a, Path out) {
        if (!a.candidate.kind().equals(Candidate.PROGRESSIVE) && !a.candidate.kind().equals(Candidate.LINK)) {
            return "mp4";
        }
        String path = a.candidate.url().replaceAll("[?#].*$", "").toLowerCase(java.util.Locale.ROOT);
        String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "";
        return ext.matches("mp4|m4v|mov|webm|mkv|ogv|3gp") ? ext : "mp4";
    }

    /** Scratch under .video-work: removing it is tidiness, never evidence. */
    private static void deleteQuietly(Path dir) {
        try {
            FileTree.delete(dir);
        } catch (IOException e) {
            // what is left of it is never listed in a record
        }
    }

    /** What is known of one video while it is assembled. */
    final class Assembly {
        final Candidate candidate;
        final String page;
        final Path dir;
        final Set<String> fetched = new LinkedHashSet<>();
        final List<String> warnings = new ArrayList<>();
        VideoRecord.Rendition rendition;
        Path output;
        int segments;
        int segmentsFetched;
        long fetchedBytes;
        boolean cut;
        boolean live;
        boolean skip;

        Assembly(Candidate candidate, String page, Path dir) {
            this.candidate = candidate;
            this.page = page;
            this.dir = dir;
        }

        void cut(String why) {
            if (!cut) {
                warnings.add(candidate.kind() + " " + candidate.url() + ": kept as far as it got: " + why);
            }
            cut = true;
        }

        VideoRecord record(String file, Double duration, String vpdq, VideoRecord.Rendition r) {
            boolean complete = file != null && !cut && !live && segmentsFetched == segments;
            return new VideoRecord(candidate.kind(), candidate.url(), page, r == null ? rendition : r, file, duration,
                    segments, segmentsFetched, complete, live, vpdq, exchangeIds.apply(fetched), warnings);
        }
    }
}
