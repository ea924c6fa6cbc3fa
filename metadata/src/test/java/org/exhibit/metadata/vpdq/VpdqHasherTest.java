package org.exhibit.metadata.vpdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic videos made here with ffmpeg's test sources: an original, a smaller copy, a clip, another video. */
class VpdqHasherTest {
    @TempDir
    static Path dir;
    private static VpdqHash original;
    private final VpdqHasher hasher = new VpdqHasher();
    private final VpdqMatcher matcher = new VpdqMatcher();

    @BeforeAll
    static void makeVideos() throws IOException, InterruptedException {
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=10", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=10", "-c:v", "libx264", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-shortest", "original.mp4");
        ffmpeg("-i", "original.mp4", "-vf", "scale=320:180", "-c:v", "libx264", "-crf", "28", "-c:a", "copy",
                "small.mp4");
        ffmpeg("-ss", "3", "-i", "original.mp4", "-t", "4", "-c:v", "libx264", "-crf", "23", "-an", "clip.mp4");
        ffmpeg("-f", "lavfi", "-i", "mandelbrot=size=640x360:rate=25", "-t", "10", "-c:v", "libx264", "-crf", "23",
                "-pix_fmt", "yuv420p", "mandelbrot.mp4");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "tone.wav");
        original = new VpdqHasher().hash(dir.resolve("original.mp4"));
    }

    @Test
    void oneFrameIsHashedEachSecondWithItsTime() throws IOException {
        assertThat(original.frames()).extracting(VpdqFrame::frameNumber)
                .containsExactly(0, 25, 50, 75, 100, 125, 150, 175, 200, 225);
        assertThat(original.frames()).extracting(VpdqFrame::timestampSeconds)
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(original.frames()).allSatisfy(f -> assertThat(f.quality()).isGreaterThanOrEqualTo(90));

        VideoStream stream = hasher.probe(dir.resolve("original.mp4"));
        assertThat(stream).isEqualTo(new VideoStream("h264", "yuv420p", 640, 360, 25.0, stream.durationSeconds()));
        assertThat(stream.durationSeconds()).isCloseTo(10.0, within(0.1));
    }

    @Test
    void aSmallerReencodedCopyMatchesTheOriginal() throws IOException {
        VpdqMatch m = matcher.match(hasher.hash(dir.resolve("small.mp4")), original);
        assertThat(m.match()).as("%s", m).isTrue();
        assertThat(m.queryShare()).isGreaterThanOrEqualTo(VpdqMatcher.QUERY_SHARE);
        assertThat(m.frames()).allSatisfy(f -> assertThat(f.target().timestampSeconds())
                .isEqualTo(f.query().timestampSeconds()));
    }

    @Test
    void aClipMatchesTheOriginalAndSaysWhereInItTheClipIs() throws IOException {
        VpdqHash clip = hasher.hash(dir.resolve("clip.mp4"));
        assertThat(clip.size()).isEqualTo(4);

        VpdqMatch m = matcher.match(clip, original);
        assertThat(m.match()).as("%s", m).isTrue();
        assertThat(m.queryShare()).isEqualTo(100.0);
        assertThat(m.targetShare()).isEqualTo(40.0);
        assertThat(m.frames()).extracting(f -> f.target().timestampSeconds()).containsExactly(3.0, 4.0, 5.0, 6.0);
        assertThat(m.frames()).extracting(f -> f.query().timestampSeconds()).containsExactly(0.0, 1.0, 2.0, 3.0);

        // the other way round only 4 of the original's 10 seconds are in the clip: under 80%
        assertThat(matcher.match(original, clip).match()).isFalse();
    }

    @Test
    void aDifferentVideoDoesNotMatch() throws IOException {
        VpdqMatch m = matcher.match(hasher.hash(dir.resolve("mandelbrot.mp4")), original);
        assertThat(m.match()).isFalse();
        assertThat(m.queryShare()).isZero();
        assertThat(m.targetShare()).isZero();
        assertThat(m.frames()).isEmpty();
    }

    @Test
    void aHashWrittenInTheReferenceFormatReadsBackTheSame() throws IOException {
        Path file = dir.resolve("original.txt");
        VpdqHashFile.write(original, file);
        assertThat(Files.readAllLines(file).get(1)).matches("25,\\d+,[0-9a-f]{64},1\\.000");
        assertThat(VpdqHashFile.read(file)).isEqualTo(original);
    }

    @Test
    void aFileThatIsNoVideoIsRefusedInOneLine() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "these are notes, not a video\n");
        assertThatThrownBy(() -> hasher.hash(notes))
                .isInstanceOf(UnreadableVideoException.class)
                .hasMessageStartingWith("not a video ffmpeg can read: notes.txt (ffprobe: ")
                .hasMessageEndingWith("): no vPDQ hash")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anAudioFileHasNoVideoStream() {
        assertThatThrownBy(() -> hasher.hash(dir.resolve("tone.wav")))
                .isInstanceOf(UnreadableVideoException.class)
                .hasMessage("no video stream in tone.wav (ffprobe reads it as wav): no vPDQ hash");
    }

    @Test
    void missingFfmpegOrFfprobeIsNamedWithHowToInstallIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        assertThatThrownBy(() -> Ffmpeg.find(empty.toString()))
                .isInstanceOf(FfmpegMissingException.class)
                .hasMessage("ffmpeg and ffprobe not found on PATH: video hashing (vPDQ) needs ffmpeg and ffprobe;"
                        + " bin/setup installs them (Debian package ffmpeg)");

        Path onlyFfmpeg = Files.createDirectories(dir.resolve("only-ffmpeg"));
        Path script = Files.writeString(onlyFfmpeg.resolve("ffmpeg"),
                "#!/bin/sh\nexec " + Ffmpeg.onPath().ffmpeg() + " \"$@\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> new VpdqHasher(Ffmpeg.find(onlyFfmpeg.toString()), 1).hash(dir.resolve("clip.mp4")))
                .isInstanceOf(FfmpegMissingException.class)
                .hasMessageStartingWith("ffprobe not found on PATH")
                .hasMessageContaining("bin/setup installs them");
    }

    /** Runs ffmpeg in {@link #dir}; one encoder thread, so that the files come out the same on any machine. */
    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-v", "error"));
        for (int i = 0; i < args.length; i++) {
            command.add(args[i]);
            if (i == args.length - 2) {
                command.addAll(List.of("-threads", "1"));
            }
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s%n%s", command, out).isZero();
    }
}
