package org.exhibit.capture.videosite;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The media of the {@link VideoSite}: {@code videosite/make-clips.sh} run once per JVM with Debian's ffmpeg into a
 * temporary folder, deleted when the JVM exits; and the ffmpeg/ffprobe calls tests use to look at media.
 */
public final class Clips {
    private static final String SCRIPT = "/videosite/make-clips.sh";
    private static Path dir;

    private Clips() {
    }

    /**
     * The folder with every generated file (see make-clips.sh for its layout), made on the first call. Throws
     * {@link IllegalStateException} naming ffmpeg when it is missing or fails: the video tests never skip.
     */
    public static synchronized Path dir() {
        if (dir == null) {
            dir = make();
        }
        return dir;
    }

    private static Path make() {
        requireOnPath("ffmpeg");
        requireOnPath("ffprobe");
        try {
            Path work = Files.createTempDirectory("exhibit-videosite-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work), "videosite-cleanup"));
            Path script = script(work);
            Path out = work.resolve("clips");
            long start = System.nanoTime();
            Process p = new ProcessBuilder("bash", script.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("make-clips.log").toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("make-clips.sh (ffmpeg) did not finish within 5 minutes");
            }
            String log = Files.readString(work.resolve("make-clips.log"), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("make-clips.sh failed (exit " + p.exitValue()
                        + "): the video test site needs Debian's ffmpeg (bin/setup installs it); its output:\n" + log);
            }
            System.out.printf("videosite: make-clips.sh made the clips in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the video test site's clips", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the video test site's clips", e);
        }
    }

    /** Copies make-clips.sh from the test class path into {@code dir}; returns its path. */
    static Path script(Path dir) throws IOException {
        Path script = dir.resolve("make-clips.sh");
        try (InputStream in = Clips.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the test class path");
            }
            Files.copy(in, script);
        }
        return script;
    }

    /**
     * The MD5 of each decoded frame of the first video stream of {@code input} (a file or a URL), in order, from
     * {@code ffmpeg -f framemd5}: two inputs with the same list decode to the same pictures. {@code inputOptions}
     * go before {@code -i}, e.g. {@code -allowed_extensions ALL} for a local AES-128 playlist whose key is a .bin.
     */
    public static List<String> videoFrameDigests(String input, String... inputOptions) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error"));
        cmd.addAll(List.of(inputOptions));
        cmd.addAll(List.of("-i", input, "-map", "0:v:0", "-f", "framemd5", "-"));
        List<String> digests = new ArrayList<>();
        for (String line : run(cmd).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                digests.add(line.substring(line.lastIndexOf(',') + 1).trim());
            }
        }
        return digests;
    }

    /** {@code ffprobe -show_entries ENTRIES -of default=noprint_wrappers=1} on {@code input}: key=value lines. */
    public static String probe(String input, String entries) {
        return run(List.of("ffprobe", "-v", "error", "-show_entries", entries, "-of", "default=noprint_wrappers=1", input));
    }

    private static String run(List<String> cmd) {
        try {
            Path err = Files.createTempFile("videosite-ff-", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(cmd.get(0) + " did not finish within 2 minutes: " + cmd);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): "
                            + Files.readString(err));
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requireOnPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return;
            }
        }
        throw new IllegalStateException(tool + " not found on PATH: the video test site makes its clips with "
                + "Debian's ffmpeg and ffprobe (apt-get install ffmpeg; bin/setup installs it)");
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
