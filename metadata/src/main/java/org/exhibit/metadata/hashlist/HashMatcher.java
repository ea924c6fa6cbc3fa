package org.exhibit.metadata.hashlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exhibit.metadata.pdq.PdqHash;
import org.exhibit.metadata.vpdq.VpdqMatch;
import org.exhibit.metadata.vpdq.VpdqMatcher;

/**
 * Compares every image of a case with a list of PDQ hashes (and every video with a list of MD5s), and every video
 * with the list's vPDQ hashes.
 *
 * <pre>{@code
 * List<HashMatch> hits = new HashMatcher(31).match(HashList.fromCase(caseDir), HashList.read(list));
 * List<VideoMatch> videos = new HashMatcher().matchVideos(HashList.fromCase(caseDir), HashList.read(list));
 * }</pre>
 */
public final class HashMatcher {
    private final int threshold;

    /** @param threshold the largest PDQ distance that counts as a match (0-256; 31 is the usual choice) */
    public HashMatcher(int threshold) {
        if (threshold < 0 || threshold > 256) {
            throw new IllegalArgumentException("expected a threshold of 0-256 bits, got " + threshold);
        }
        this.threshold = threshold;
    }

    public HashMatcher() {
        this(PdqHash.MATCH_THRESHOLD);
    }

    /** Every pair within the threshold, closest first. */
    public List<HashMatch> match(HashList found, HashList list) {
        List<HashMatch> out = new ArrayList<>();
        for (HashEntry f : found.entries()) {
            PdqHash fp = f.pdqHash();
            for (HashEntry l : list.entries()) {
                PdqHash lp = l.pdqHash();
                if (fp != null && lp != null) {
                    int d = fp.distance(lp);
                    if (d <= threshold) {
                        out.add(new HashMatch(f, l, "pdq", d, fp.reliable() && lp.reliable()));
                    }
                } else if (f.md5() != null && f.md5().equalsIgnoreCase(l.md5())) {
                    out.add(new HashMatch(f, l, "md5", 0, true));
                }
            }
        }
        out.sort(Comparator.comparingInt(HashMatch::distance));
        return out;
    }

    /**
     * Every video of {@code found} with a vPDQ hash compared with every video of {@code list} with one, matching
     * or not, in the order of {@code found} then {@code list}. The PDQ threshold given to this matcher does not
     * apply: frames match as {@link VpdqMatcher} has it (31 bits, quality 50 or more).
     */
    public List<VideoMatch> matchVideos(HashList found, HashList list) {
        VpdqMatcher vpdq = new VpdqMatcher();
        List<VideoMatch> out = new ArrayList<>();
        for (HashEntry f : found.entries()) {
            if (f.vpdq() == null) {
                continue;
            }
            for (HashEntry l : list.entries()) {
                if (l.vpdq() == null) {
                    continue;
                }
                VpdqMatch cut = vpdq.match(f.vpdq(), l.vpdq());
                boolean match = cut.match() || vpdq.match(l.vpdq(), f.vpdq()).match();
                out.add(new VideoMatch(f, l, cut.queryShare(), cut.queryCompared(), cut.targetShare(), cut.targetCompared(),
                        match, cut.spans()));
            }
        }
        return out;
    }
}
