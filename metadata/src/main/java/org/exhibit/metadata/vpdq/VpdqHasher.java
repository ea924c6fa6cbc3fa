package org.exhibit.metadata.vpdq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.metadata.pdq.Luma;
import org.exhibit.metadata.pdq.PdqHash;
import org.exhibit.metadata.pdq.PdqHasher;

/**
 * vPDQ, Meta's video hash, as the ThreatExchange reference computes it: the video's frames are decoded (by
 * Debian's ffmpeg, in a child process), every n-th is kept, where n is the number of frames in
 * {@code secondsPerHash} at the video's average frame rate, and each kept frame is PDQ-hashed at the video's
 * own size. Frames stream through one buffer; the video is never held in memory.
 *
 * <pre>{@code
 * VpdqHash clip = new VpdqHasher().hash(Path.of("clip.mp4"));        // one frame a second
 * VpdqMatch m = new VpdqMatcher().match(clip, VpdqHashFile.read(known));
 * }</pre>
 * Thread-safe: each call runs its own ffmpeg.
 */
public final class VpdqHasher {
    /** The default interval, that of the reference's Python binding and python-threatexchange. */
    public static final double SECONDS_PER_HASH = 1.0;
    private final Ffmpeg tools;
    private final double secondsPerHash;
    private final PdqHasher pdq = new PdqHasher();

    /** One frame a second, with ffmpeg and ffprobe from {@code PATH} (looked up when first needed). */
    public VpdqHasher() {
        this(null, SECONDS_PER_HASH);
    }

    /**
     * @param tools          the executables, or null to look them up on {@code PATH} at each call
     * @param secondsPerHash seconds between hashed frames; 0 hashes every frame (as the reference's sample
     *                       hashes were made)
     */
    public VpdqHasher(Ffmpeg tools, double secondsPerHash) {
        if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash)) {
            throw new IllegalArgumentException("expected seconds per hash of 0 or more, got " + secondsPerHash);
        }
        this.tools = tools;
        this.secondsPerHash = secondsPerHash;
    }

    /**
     * @throws FfmpegMissingException   when ffmpeg or ffprobe is not installed
     * @throws UnreadableVideoException when the file is no video, has no video stream, or cannot be decoded
     */
    public VpdqHash hash(Path video) throws IOException {
        Ffmpeg ffmpeg = tools();
        VideoStream stream = ffmpeg.probe(video);
        int everyNth = framesPerHash(secondsPerHash, stream.frameRate());
        float rate = (float) stream.frameRate();
        List<VpdqFrame> frames = new ArrayList<>();
        try (RgbFrames decoded = ffmpeg.frames(video, stream, everyNth)) {
            for (byte[] rgb; (rgb = decoded.next()) != null; ) {
                int number = frames.size() * everyNth;
                PdqHash hash = pdq.hash(Luma.ofRgb24(rgb, stream.width(), stream.height()));
                frames.add(new VpdqFrame(number, hash, (float) number / rate));
            }
        }
        return new VpdqHash(frames);
    }

    /** The first video stream's codec, size, frame rate and duration, from ffprobe. */
    public VideoStream probe(Path video) throws IOException {
        return tools().probe(video);
    }

    /**
     * Keep every n-th frame: n is {@code secondsPerHash * frameRate} truncated, at least 1 — the reference's
     * {@code m_frameMod}, so 1 s of 29.97 fps keeps every 29th frame.
     */
    static int framesPerHash(double secondsPerHash, double frameRate) {
        return Math.max(1, (int) (secondsPerHash * frameRate));
    }

    private Ffmpeg tools() throws FfmpegMissingException {
        return tools != null ? tools : Ffmpeg.onPath();
    }
}
