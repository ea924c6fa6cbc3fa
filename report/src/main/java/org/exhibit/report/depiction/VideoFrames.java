package org.exhibit.report.depiction;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A strip of frames of a video for a report: {@value #COUNT} stills at even times, decoded by Debian's ffmpeg (a
 * child process) from the video in place — a workspace file, or a bundle entry's bytes inside the ZIP through
 * ffmpeg's {@code subfile} protocol — into a private temporary folder that is deleted before this returns. Each
 * still is then depicted like any image: in {@link ImageMode#BLURRED} only a copy of at most
 * {@value Depicter#BLUR_MAX} pixels is kept. The video is never copied and never altered.
 *
 * <pre>{@code
 * List<VideoFrames.Frame> strip = new VideoFrames().depict(Path.of("videos/ab12.mp4"), 0, size, 8.0,
 *         new Depicter(ImageMode.BLURRED));
 * }</pre>
 */
public final class VideoFrames {
    /** How many frames a strip has. */
    public static final int COUNT = 5;
    /** The longest side of the stills ffmpeg writes, before they are depicted. */
    private static final int GRAB_SIDE = 320;
    private static final long TIMEOUT_SECONDS = 60;
    private final String searchPath;
    private final Path tempRoot;

    /** ffmpeg from the directories of {@code PATH}, looked up at each use; stills in the system's temporary folder. */
    public VideoFrames() {
        this(System.getenv().getOrDefault("PATH", ""), null);
    }

    /**
     * @param searchPath the directories to look for ffmpeg in, {@link File#pathSeparator}-separated
     * @param tempRoot   where the private temporary folder of each strip is made, or null for the system's
     */
    public VideoFrames(String searchPath, Path tempRoot) {
        this.searchPath = searchPath;
        this.tempRoot = tempRoot;
    }

    /**
     * A still taken from the video and depicted.
     *
     * @param seconds   the time it was taken at
     * @param depiction the depiction (blurred or shown, as the {@link Depicter} makes them)
     */
    public record Frame(double seconds, Depiction depiction) {
    }

    /**
     * The strip of a video whose bytes lie unchanged at {@code offset} in {@code file}, each frame taken by seeking
     * to its time.
     *
     * @param duration the video's duration in seconds, or null when unknown (frames are then taken a second apart)
     * @throws IOException naming why no frame could be drawn: ffmpeg missing, or the video undecodable
     */
    public List<Frame> depict(Path file, long offset, long length, Double duration, Depicter depicter)
            throws IOException {
        String input = offset == 0 && Files.size(file) == length ? "file:" + file.toAbsolutePath()
                : "subfile,,start," + offset + ",end," + (offset + length) + ",,:file:" + file.toAbsolutePath();
        String protocols = input.startsWith("subfile") ? "subfile,file" : "file";
        String ffmpeg = ffmpeg();
        Path dir = tempDir();
        try {
            List<Frame> out = new ArrayList<>();
            String failure = null;
            for (double t : times(duration)) {
                Path png = dir.resolve("frame-" + out.size() + ".png");
                List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error",
                        "-protocol_whitelist", protocols, "-ss", seconds(t), "-i", input, "-map", "0:v:0",
                        "-frames:v", "1", "-an", "-sn", "-dn", "-vf", scale(), "-y", png.toString()));
                String error = run(cmd, dir, null);
                Optional<Depiction> d = Files.isRegularFile(png) ? depict(png, depicter) : Optional.empty();
                if (d.isPresent()) {
                    out.add(new Frame(t, d.get()));
                } else if (failure == null) {
                    failure = error;
                }
            }
            if (out.isEmpty()) {
                throw new IOException("ffmpeg could not decode a frame of it (" + failure + ")");
            }
            return out;
        } finally {
            delete(dir);
        }
    }

    /**
     * The strip of a video that can only be streamed (an entry compressed inside a bundle): one pass of ffmpeg over
     * {@code in}, keeping a frame every {@code duration / COUNT} seconds. A file whose index comes last (an MP4 not
     * made for streaming) cannot be read this way; the exception says so.
     */
    public List<Frame> depict(InputStream in, Double duration, Depicter depicter) throws IOException {
        String ffmpeg = ffmpeg();
        List<Double> times = times(duration);
        double step = times.size() > 1 ? times.get(1) - times.get(0) : 1.0;
        Path dir = tempDir();
        try {
            String select = "select='isnan(prev_selected_t)*gte(t," + seconds(times.get(0))
                    + ")+gte(t-prev_selected_t," + seconds(step) + ")'";
            List<String> cmd = List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-protocol_whitelist",
                    "pipe", "-i", "pipe:0", "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", select + "," + scale(),
                    "-fps_mode", "passthrough", "-frames:v", String.valueOf(COUNT), "-y",
                    dir.resolve("frame-%d.png").toString());
            String error = run(cmd, dir, in);
            List<Frame> out = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                Path png = dir.resolve("frame-" + (i + 1) + ".png");
                Optional<Depiction> d = Files.isRegularFile(png) ? depict(png, depicter) : Optional.empty();
                d.ifPresent(depiction -> out.add(new Frame(times.get(out.size()), depiction)));
            }
            if (out.isEmpty()) {
                throw new IOException("ffmpeg could not decode a frame of it as a stream (" + error + ")");
            }
            return out;
        } finally {
            delete(dir);
        }
    }

    /** A folder only this user can read (the stills may show intimate content), deleted after each strip. */
    private Path tempDir() throws IOException {
        return tempRoot == null ? Files.createTempDirectory("exhibit-frames-")
                : Files.createTempDirectory(tempRoot, "exhibit-frames-");
    }

    /** {@value #COUNT} times spread evenly, each in the middle of its share of the video. */
    static List<Double> times(Double duration) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < COUNT; k++) {
            out.add(duration == null || !(duration > 0) ? k + 0.5 : duration * (2 * k + 1) / (2 * COUNT));
        }
        return out;
    }

    private static Optional<Depiction> depict(Path png, Depicter depicter) throws IOException {
        try (InputStream in = Files.newInputStream(png)) {
            return depicter.depict(in);
        }
    }

    private static String scale() {
        return "scale=w='min(" + GRAB_SIDE + ",iw)':h='min(" + GRAB_SIDE + ",ih)':force_original_aspect_ratio=decrease";
    }

    private static String seconds(double t) {
        return String.format(Locale.ROOT, "%.3f", t);
    }

    /** The ffmpeg executable, from {@link #searchPath}. */
    private String ffmpeg() throws IOException {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, "ffmpeg");
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        throw new IOException("ffmpeg is not installed (not found on PATH); bin/setup installs it (Debian package "
                + "ffmpeg)");
    }

    /**
     * Runs ffmpeg, feeding it {@code in} when given, within {@value #TIMEOUT_SECONDS} s; returns the last line it
     * wrote on standard error, or its exit status.
     */
    private static String run(List<String> cmd, Path dir, InputStream in) throws IOException {
        Path log = dir.resolve("ffmpeg.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        if (in == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + cmd.get(0) + " (" + e.getMessage() + "); bin/setup installs "
                    + "ffmpeg", e);
        }
        Thread feeder = in == null ? null : feed(p, in);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return "ffmpeg took more than " + TIMEOUT_SECONDS + " s";
            }
            if (feeder != null) {
                feeder.join();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while ffmpeg drew the frames of a video");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "exit status " + p.exitValue() : lines.get(lines.size() - 1).strip();
    }

    /** Copies {@code in} to the process's standard input on a thread of its own; a closed pipe ends it quietly. */
    private static Thread feed(Process p, InputStream in) {
        Thread t = new Thread(() -> {
            try (OutputStream o = p.getOutputStream()) {
                in.transferTo(o);
            } catch (IOException e) {
                // ffmpeg stopped reading (it has its frames, or it failed and says why)
            }
        }, "ffmpeg stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
