package org.exhibit.metadata.hashlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exhibit.metadata.pdq.PdqHash;

/**
 * Compares every image of a case with a list of PDQ hashes (and every video with a list of MD5s).
 *
 * <pre>{@code
 * List<HashMatch> hits = new HashMatcher(31).match(HashList.fromCase(caseDir), HashList.read(list));
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
}
