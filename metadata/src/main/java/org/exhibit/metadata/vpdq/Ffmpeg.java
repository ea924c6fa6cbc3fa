package org.exhibit.metadata.vpdq;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ffmpeg and ffprobe executables (Debian's {@code ffmpeg} package), run as child processes: ffprobe
 * for a video's size and frame rate, ffmpeg to stream its frames as raw RGB.
 *
 * @param ffmpeg  the ffmpeg executable
 * @param ffprobe the ffprobe executable
 */
public record Ffmpeg(Path ffmpeg, Path ffprobe) {
    /** How long ffprobe may take to describe one file (it reads headers, not the whole video). */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> X86 = Set.of("amd64", "x86_64", "x86", "i386", "i686");

    /** Both tools from the directories of {@code PATH}. */
    public static Ffmpeg onPath() throws FfmpegMissingException {
        return find(System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * Both tools from the directories of {@code searchPath} ({@link File#pathSeparator}-separated).
     *
     * @throws FfmpegMissingException naming the missing tool(s) and how to install them
     */
    public static Ffmpeg find(String searchPath) throws FfmpegMissingException {
        Path ffmpeg = which("ffmpeg", searchPath);
        Path ffprobe = which("ffprobe", searchPath);
        if (ffmpeg == null || ffprobe == null) {
            String missing = ffmpeg == null && ffprobe == null ? "ffmpeg and ffprobe"
                    : ffmpeg == null ? "ffmpeg" : "ffprobe";
            throw new FfmpegMissingException(missing + " not found on PATH: video hashing (vPDQ) needs ffmpeg and"
                    + " ffprobe; bin/setup installs them (Debian package ffmpeg)");
        }
        return new Ffmpeg(ffmpeg, ffprobe);
    }

    private static Path which(String name, String searchPath) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The first video stream of a file, as the reference picks it. */
    public VideoStream probe(Path video) throws IOException {
        if (!Files.isRegularFile(video)) {
            throw new NoSuchFileException(video.toString(), null, "no such file: no vPDQ hash");
        }
        String name = video.getFileName().toString();
        Process p = start(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,pix_fmt,width,height,avg_frame_rate,r_frame_rate:format=format_name,duration",
                "-of", "flat", input(video)), "ffprobe");
        StderrTail err = new StderrTail(p.getErrorStream(), "ffprobe");
        // read on a thread of its own, so that the bounded wait below can end an ffprobe that never finishes
        FutureTask<String> out = new FutureTask<>(
                () -> new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Thread reader = new Thread(out, "ffprobe stdout");
        reader.setDaemon(true);
        reader.start();
        int rc = waitFor(p, PROBE_TIMEOUT, name);
        if (rc != 0) {
            throw new UnreadableVideoException("not a video ffmpeg can read: " + name + " (ffprobe: "
                    + lastLine(err, rc) + "): no vPDQ hash");
        }
        try {
            return VideoStream.parse(out.get(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS), name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ffprobe's answer for " + name);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not read ffprobe's answer for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits for {@code p} at most {@code timeout}; a process still running then is ended and reported. */
    private static int waitFor(Process p, Duration timeout, String name) throws IOException {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new UnreadableVideoException("ffprobe did not finish reading " + name + " within "
                        + timeout.toSeconds() + " s: no vPDQ hash");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for ffprobe on " + name);
        }
    }

    /**
     * Starts decoding the first video stream to raw RGB24 frames at its coded size, keeping every
     * {@code everyNth} frame (the 0th, the nth, ...). The decoding follows the reference, which calls
     * libavcodec and libswscale itself: no rotation from the container; every decoded frame counted, none
     * repeated or dropped to keep a frame rate; swscale's area filter with its defaults, BT.601 coefficients
     * and the range the pixel format implies ({@code yuvj*} full, other YUV limited), whatever the stream's
     * colour tags say. On x86 swscale's MMXEXT and SSSE3 YUV-to-RGB conversions are turned off: they round
     * differently from its portable C code, which most of the reference's sample hashes were made with
     * (reproduced within 2 bits with the C code, up to 22 bits apart on a quality-66 frame without).
     */
    RgbFrames frames(Path video, VideoStream stream, int everyNth) throws IOException {
        List<String> filters = new ArrayList<>();
        if (everyNth > 1) {
            filters.add("select=not(mod(n\\," + everyNth + "))");
        }
        String range = !stream.pixelFormat().startsWith("yuv") ? ""
                : stream.pixelFormat().startsWith("yuvj") ? ":in_range=full" : ":in_range=limited";
        filters.add("scale=" + stream.width() + ":" + stream.height() + ":flags=area:in_color_matrix=bt601" + range);
        filters.add("format=rgb24");
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-v", "error"));
        if (X86.contains(System.getProperty("os.arch"))) {
            command.addAll(List.of("-cpuflags", "-mmxext-ssse3"));
        }
        command.addAll(List.of("-noautorotate", "-i", input(video), "-map", "0:v:0", "-an", "-sn", "-dn",
                "-vf", String.join(",", filters), "-fps_mode", "passthrough", "-f", "rawvideo", "pipe:1"));
        Process p = start(command, "ffmpeg");
        return new RgbFrames(p, new StderrTail(p.getErrorStream(), "ffmpeg"), stream.width(), stream.height(),
                video.getFileName().toString());
    }

    /** An absolute {@code file:} URL, so that no file name is taken for an option or another protocol. */
    private static String input(Path video) {
        return "file:" + video.toAbsolutePath();
    }

    private static Process start(List<String> command, String tool) throws IOException {
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close(); // nothing to say on its standard input
            return p;
        } catch (IOException e) {
            throw new FfmpegMissingException("cannot run " + command.get(0) + " (" + e.getMessage() + "): "
                    + tool + " is needed for video hashing (vPDQ); bin/setup installs it (Debian package ffmpeg)");
        }
    }

    static int waitFor(Process p) throws IOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + p.info().command().orElse("ffmpeg"));
        }
    }

    static String lastLine(StderrTail err, int rc) throws IOException {
        try {
            String line = err.lastLine();
            return line.isEmpty() ? "exit status " + rc : line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ffmpeg's messages");
        }
    }
}
