package org.exhibit.capture.interact;

/**
 * How far the interaction pass may go.
 *
 * @param ageGate       click through age gates, or stop at them (the capture is then partial)
 * @param maxPassClicks consent banners and age gates clicked before scrolling, at most
 * @param maxLoadMore   "load more" / "show comments" controls clicked while scrolling, at most
 */
public record Interactions(AgeGate ageGate, int maxPassClicks, int maxLoadMore) {
    public static final Interactions DEFAULT = new Interactions(AgeGate.ACCEPT, 5, 10);

    public Interactions {
        if (ageGate == null) {
            throw new IllegalArgumentException("expected an age-gate policy, got null");
        }
        if (maxPassClicks < 0 || maxLoadMore < 0) {
            throw new IllegalArgumentException("expected click bounds of 0 or more, got " + maxPassClicks + " and "
                    + maxLoadMore);
        }
    }

    public Interactions withAgeGate(AgeGate g) {
        return new Interactions(g, maxPassClicks, maxLoadMore);
    }
}
