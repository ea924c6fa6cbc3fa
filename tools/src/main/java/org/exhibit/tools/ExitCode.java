package org.exhibit.tools;

/** Exit codes of every {@code exhibit} command, defined once and printed in the root help. */
public final class ExitCode {
    /** Done; for verify: the bundle verified. */
    public static final int OK = 0;
    /** The evidence failed a check (verify), or some of the work failed (a capture, an item). */
    public static final int FAILED = 1;
    /** Could not run: bad arguments, unreadable or unsafe input, missing browser or identity. */
    public static final int USAGE = 2;

    public static final String FOOTER = """

            Exit codes:
              0  done; for verify: every check passed
              1  the evidence failed a check, or part of the work failed (named on stderr)
              2  could not run: bad arguments, unreadable or unsafe input, missing browser or identity""";

    private ExitCode() {
    }
}
