package org.exhibit.metadata.hashlist;

import java.util.List;
import org.exhibit.metadata.vpdq.VpdqSpan;

/**
 * A video of the case compared by vPDQ with a video of the list, whether they match or not.
 *
 * @param found       the case's video
 * @param listed      the list's video
 * @param foundShare  percentage (0-100) of the found video's distinct frames of quality 50 or more that are
 *                    within 31 bits of a frame of the listed video
 * @param foundFrames the found video's distinct frames of quality 50 or more: the denominator of {@code foundShare}
 * @param listedShare the same for the listed video's frames in the found video
 * @param listedFrames the listed video's distinct frames of quality 50 or more
 * @param match       whether {@link org.exhibit.metadata.vpdq.VpdqMatcher}'s rule holds one way or the other: the
 *                    found video as query (it is cut from the listed one) or the listed video as query (it
 *                    appears within the found one)
 * @param spans       where: runs of the found video's matching frames, with their times in it (query) and the
 *                    times of the listed video's frames they match (target); empty when no frame matches
 */
public record VideoMatch(HashEntry found, HashEntry listed, double foundShare, int foundFrames, double listedShare,
                         int listedFrames, boolean match, List<VpdqSpan> spans) {
    public VideoMatch {
        spans = List.copyOf(spans);
    }
}
