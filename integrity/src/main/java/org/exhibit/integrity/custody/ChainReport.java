package org.exhibit.integrity.custody;

import org.exhibit.integrity.digest.Sha256;

/**
 * The outcome of walking a custody log's hash chain.
 *
 * @param lines      complete lines read
 * @param head       SHA-256 of the last complete line (with its newline); {@link Sha256#ZERO} for an empty log
 * @param firstBreak the first place the chain is broken, or null when it is intact
 */
public record ChainReport(long lines, Sha256 head, ChainBreak firstBreak) {
    public boolean intact() {
        return firstBreak == null;
    }

    /** One line for a person: "intact: 12 lines, head ..." or the break's message. */
    public String summary() {
        return intact() ? "intact: " + lines + " lines, head " + head.hex() : firstBreak.message();
    }

    /**
     * Where and how the chain breaks.
     *
     * @param line    1-based line number the message is about
     * @param kind    what happened
     * @param message one line naming the line(s) and the hashes involved
     */
    public record ChainBreak(long line, Kind kind, String message) {
    }

    /** What broke the chain. */
    public enum Kind {
        /** A line's content changed after it was written. */
        EDITED,
        /** One or more lines are missing. */
        REMOVED,
        /** Lines are out of their written order, or one appears twice. */
        REORDERED,
        /** A line is not a custody event at all (not JSON, too long, missing fields). */
        UNREADABLE,
        /** The last line has no newline: the writer stopped mid-append; {@code repair} truncates it. */
        HALF_WRITTEN,
        /** The log does not end where the recorded head says: last line edited or lines removed from the end. */
        TRUNCATED,
        /** Lines were added after the recorded head. */
        APPENDED
    }
}
