package org.exhibit.metadata.vpdq;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of matching frames: where in the query video they are and where in the target video the frames they
 * match are, e.g. "frames at 3.0–6.0 s of the upload match the known video at 0.0–3.0 s". Times are those of
 * the hashed frames ({@link VpdqFrame#timestampSeconds}), so a run of one frame has {@code from == to}.
 *
 * @param queryFrom  the first matching query frame's time, in seconds
 * @param queryTo    the last matching query frame's time
 * @param targetFrom the earliest time of the target frames they match
 * @param targetTo   the latest time of those target frames
 * @param frames     how many query frames of the run matched
 */
public record VpdqSpan(double queryFrom, double queryTo, double targetFrom, double targetTo, int frames) {
    /**
     * Largest step, in seconds, between two matching frames of one run, in either video, beyond the step in the
     * other: at one hashed frame a second, one unmatched frame in between does not split a run, a cut does.
     */
    public static final double GAP = 2.5;

    /** The runs of {@code frames} (in query order): a new run starts where either video jumps by more than {@link #GAP}. */
    static List<VpdqSpan> of(List<VpdqMatch.FrameMatch> frames) {
        List<VpdqSpan> out = new ArrayList<>();
        VpdqMatch.FrameMatch last = null;
        VpdqSpan run = null;
        for (VpdqMatch.FrameMatch f : frames) {
            double q = f.query().timestampSeconds();
            double t = f.target().timestampSeconds();
            if (run != null) {
                double dq = q - last.query().timestampSeconds();
                double dt = t - last.target().timestampSeconds();
                if (dq <= GAP && Math.abs(dt - dq) <= GAP) {
                    run = new VpdqSpan(run.queryFrom, q, Math.min(run.targetFrom, t), Math.max(run.targetTo, t),
                            run.frames + 1);
                    last = f;
                    continue;
                }
                out.add(run);
            }
            run = new VpdqSpan(q, q, t, t, 1);
            last = f;
        }
        if (run != null) {
            out.add(run);
        }
        return out;
    }
}
