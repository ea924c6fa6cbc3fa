package org.exhibit.metadata.vpdq;

import org.exhibit.metadata.pdq.PdqHash;

/**
 * One hashed frame of a video: a line {@code frame_number,quality,pdq_hex,timestamp_seconds} of the
 * reference's hash files.
 *
 * @param frameNumber      the frame's place among all decoded frames, from 0 (hashed or not)
 * @param quality          the PDQ quality, 0-100; frames under 50 are left out of matching
 * @param pdq              the frame's PDQ hash (carrying the same quality)
 * @param timestampSeconds {@code frameNumber} divided by the video's average frame rate, as the reference
 *                         computes it (not the frame's presentation time)
 */
public record VpdqFrame(int frameNumber, int quality, PdqHash pdq, double timestampSeconds) {
    public VpdqFrame {
        if (frameNumber < 0) {
            throw new IllegalArgumentException("expected a frame number of 0 or more, got " + frameNumber);
        }
        if (pdq == null || pdq.quality() != quality) {
            throw new IllegalArgumentException("expected the PDQ hash to carry quality " + quality + ", got " + pdq);
        }
        if (!(timestampSeconds >= 0) || Double.isInfinite(timestampSeconds)) {
            throw new IllegalArgumentException("expected a timestamp of 0 s or more, got " + timestampSeconds);
        }
    }

    public VpdqFrame(int frameNumber, PdqHash pdq, double timestampSeconds) {
        this(frameNumber, pdq.quality(), pdq, timestampSeconds);
    }
}
