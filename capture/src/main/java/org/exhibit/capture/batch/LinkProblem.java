package org.exhibit.capture.batch;

/**
 * A line of a link list that will not be captured, and why.
 *
 * @param line   the line number (1-based)
 * @param text   the line's text, as written (shortened when very long)
 * @param reason why: "not a URL: ...", "refused scheme: ...", "duplicate of line 3 (...)", ...
 */
public record LinkProblem(int line, String text, String reason) {
    public LinkProblem {
        text = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** "links.csv:7: refused scheme: expected an http or https URL, got \"ftp:\"". */
    public String message(String source) {
        return source + ":" + line + ": " + reason;
    }
}
