package org.exhibit.capture.interact;

/** Why a control is clicked, as written in the click step's message. */
public enum Reason {
    CONSENT("consent"), AGE_GATE("age-gate"), LOAD_MORE("load-more");

    private final String word;

    Reason(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    static Reason of(String word) {
        for (Reason r : values()) {
            if (r.word.equals(word)) {
                return r;
            }
        }
        throw new IllegalArgumentException("expected a click reason, got " + word);
    }
}
