package org.exhibit.integrity.timestamp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every TSA asked by {@link Timestamper#stampEach} gave.
 *
 * @param tokens a valid token from each TSA that answered, in TSA order
 * @param failed each TSA that gave none (by name), with why; every attempt is suppressed in it
 */
public record EachStamp(List<StampedToken> tokens, Map<String, TimestampException> failed) {
    public EachStamp {
        tokens = List.copyOf(tokens);
        failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    /** One line, each failure's message (each names its TSA) joined by "; ", or null when every TSA answered. */
    public String problem() {
        if (failed.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        failed.forEach((name, e) -> b.append(b.length() == 0 ? "" : "; ").append(e.getMessage()));
        return b.toString();
    }
}
