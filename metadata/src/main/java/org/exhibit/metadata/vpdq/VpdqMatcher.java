package org.exhibit.metadata.vpdq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.metadata.pdq.PdqHash;

/**
 * The reference's brute-force vPDQ comparison (python-threatexchange's {@code match_VPDQ_hash_brute} and
 * its {@code VPDQSignal.compare_hash} thresholds): frames under quality {@value #QUALITY} are left out, frames
 * with identical hashes count once, a frame matches when some frame of the other video is within
 * {@value #DISTANCE} bits; the videos match when at least {@value #QUERY_SHARE}% of the query's frames match
 * and at least {@value #TARGET_SHARE}% of the target's do. Why these values: see the package description.
 *
 * <pre>{@code
 * VpdqMatch m = new VpdqMatcher().match(foundClip, knownVideo);
 * if (m.match()) m.frames().forEach(f -> report(f.query().timestampSeconds(), f.target().timestampSeconds()));
 * }</pre>
 */
public final class VpdqMatcher {
    /** Largest Hamming distance between two matching frames. */
    public static final int DISTANCE = PdqHash.MATCH_THRESHOLD;
    /** Lowest quality of a frame that takes part. */
    public static final int QUALITY = PdqHash.RELIABLE_QUALITY;
    /** Share of the query's distinct frames (percent) that must match for the videos to match. */
    public static final double QUERY_SHARE = 80.0;
    /** Share of the target's distinct frames (percent) that must match: none, so a clip matches its source. */
    public static final double TARGET_SHARE = 0.0;
    private final int distance;
    private final int quality;
    private final double queryShare;
    private final double targetShare;

    public VpdqMatcher() {
        this(DISTANCE, QUALITY, QUERY_SHARE, TARGET_SHARE);
    }

    public VpdqMatcher(int distance, int quality, double queryShare, double targetShare) {
        if (distance < 0 || distance > 256 || quality < 0 || quality > 100) {
            throw new IllegalArgumentException("expected a distance of 0-256 bits and a quality of 0-100, got "
                    + distance + " and " + quality);
        }
        if (!(queryShare >= 0 && queryShare <= 100 && targetShare >= 0 && targetShare <= 100)) {
            throw new IllegalArgumentException("expected shares of 0-100 percent, got " + queryShare + " and "
                    + targetShare);
        }
        this.distance = distance;
        this.quality = quality;
        this.queryShare = queryShare;
        this.targetShare = targetShare;
    }

    public VpdqMatch match(VpdqHash query, VpdqHash target) {
        List<Bits> q = distinct(query);
        List<Bits> t = distinct(target);
        int qMatched = matched(q, t);
        int tMatched = matched(t, q);
        double qShare = q.isEmpty() ? 0 : qMatched * 100.0 / q.size();
        double tShare = t.isEmpty() ? 0 : tMatched * 100.0 / t.size();
        boolean match = !q.isEmpty() && !t.isEmpty() && qShare >= queryShare && tShare >= targetShare;
        return new VpdqMatch(qShare, tShare, match, q.size(), t.size(), frames(query, t));
    }

    /**
     * The frames of sufficient quality, the first of each distinct hash: filtered, then deduplicated, as
     * python-threatexchange's index prepares a hash (its brute-force matcher deduplicates first, which differs
     * only when one hash occurs with two qualities).
     */
    private List<Bits> distinct(VpdqHash hash) {
        Map<String, Bits> unique = new LinkedHashMap<>();
        for (VpdqFrame f : hash.frames()) {
            if (f.quality() >= quality) {
                unique.putIfAbsent(f.pdq().hex(), new Bits(f));
            }
        }
        return new ArrayList<>(unique.values());
    }

    private int matched(List<Bits> from, List<Bits> in) {
        int n = 0;
        for (Bits a : from) {
            for (Bits b : in) {
                if (a.distance(b) <= distance) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private List<VpdqMatch.FrameMatch> frames(VpdqHash query, List<Bits> target) {
        List<VpdqMatch.FrameMatch> out = new ArrayList<>();
        for (VpdqFrame f : query.frames()) {
            if (f.quality() < quality) {
                continue;
            }
            Bits a = new Bits(f);
            Bits best = null;
            int bestDistance = distance + 1;
            for (Bits b : target) {
                int d = a.distance(b);
                if (d < bestDistance) {
                    best = b;
                    bestDistance = d;
                }
            }
            if (best != null) {
                out.add(new VpdqMatch.FrameMatch(f, best.frame, bestDistance));
            }
        }
        return out;
    }

    /** A frame with its hash as four longs, for a Hamming distance without parsing hex each time. */
    private static final class Bits {
        final VpdqFrame frame;
        final long[] words = new long[4];

        Bits(VpdqFrame frame) {
            this.frame = frame;
            String hex = frame.pdq().hex();
            for (int i = 0; i < 4; i++) {
                words[i] = Long.parseUnsignedLong(hex, i * 16, i * 16 + 16, 16);
            }
        }

        int distance(Bits o) {
            return Long.bitCount(words[0] ^ o.words[0]) + Long.bitCount(words[1] ^ o.words[1])
                    + Long.bitCount(words[2] ^ o.words[2]) + Long.bitCount(words[3] ^ o.words[3]);
        }
    }
}
