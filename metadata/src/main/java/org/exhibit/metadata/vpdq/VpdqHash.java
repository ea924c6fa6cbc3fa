package org.exhibit.metadata.vpdq;

import java.util.List;

/**
 * A video's vPDQ hash: the PDQ hashes of its sampled frames in frame order. Its length follows the video's
 * (one frame a second by default); {@link VpdqHashFile} reads and writes the reference's text form.
 *
 * @param frames the hashed frames, in increasing frame number
 */
public record VpdqHash(List<VpdqFrame> frames) {
    public VpdqHash {
        frames = List.copyOf(frames);
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).frameNumber() <= frames.get(i - 1).frameNumber()) {
                throw new IllegalArgumentException("expected frames in increasing frame number, got frame "
                        + frames.get(i).frameNumber() + " after frame " + frames.get(i - 1).frameNumber());
            }
        }
    }

    public int size() {
        return frames.size();
    }

    @Override
    public String toString() {
        return "vPDQ hash of " + frames.size() + " frames";
    }
}
