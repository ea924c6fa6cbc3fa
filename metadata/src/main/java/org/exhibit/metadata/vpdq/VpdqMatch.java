package org.exhibit.metadata.vpdq;

import java.util.List;

/**
 * The outcome of comparing two vPDQ hashes. The shares count distinct frame hashes of quality 50 or more
 * (a still scene counts once, however long it lasts); {@link #frames} says where the match is.
 *
 * @param queryShare    percentage (0-100) of the query's distinct frames within reach of some target frame
 * @param targetShare   percentage (0-100) of the target's distinct frames within reach of some query frame
 * @param match         whether both shares reach the matcher's thresholds
 * @param queryCompared distinct query frames of sufficient quality: the denominator of {@code queryShare}
 * @param targetCompared distinct target frames of sufficient quality: the denominator of {@code targetShare}
 * @param frames        each query frame of sufficient quality (repeats included) that matched, with its
 *                      nearest target frame, in query order
 */
public record VpdqMatch(double queryShare, double targetShare, boolean match, int queryCompared, int targetCompared,
                        List<FrameMatch> frames) {
    public VpdqMatch {
        frames = List.copyOf(frames);
    }

    /**
     * A query frame and the nearest target frame (the earliest of equally near ones).
     *
     * @param query    the query video's frame, with its time in that video
     * @param target   the target video's frame, with its time in that video
     * @param distance their PDQ Hamming distance
     */
    public record FrameMatch(VpdqFrame query, VpdqFrame target, int distance) {
    }

    /** Where the match is: the matching frames in runs, each with its times in the query and in the target. */
    public List<VpdqSpan> spans() {
        return VpdqSpan.of(frames);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %.1f%% of %d query frames, %.1f%% of %d target frames",
                match ? "match" : "no match", queryShare, queryCompared, targetShare, targetCompared);
    }
}
