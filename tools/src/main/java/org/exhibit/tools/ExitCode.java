package org.exhibit.tools;

/** Exit codes of every {@code exhibit} command, defined once and printed in the root help. */
public final class ExitCode {
    /** Done; for verify: the bundle verified. */
    public static final int OK = 0;
    /** The evidence failed a check (verify), or some of the work failed (a capture, an item). */
    public static final int FAILED = 1;
    /** Could not run: bad arguments, unreadable or unsafe input, missing browser or identity. */
    public static final int USAGE = 2;
    /** An encrypted bundle could not be opened with the key or passphrase given (not encrypted to it). */
    public static final int WRONG_KEY = 3;
    /** An encrypted bundle is damaged, tampered with or truncated (its authentication fails); nothing was released. */
    public static final int DAMAGED = 4;

    public static final String FOOTER = """

            Exit codes:
              0  done; for verify: every check passed
              1  the evidence failed a check, or part of the work failed (named on stderr)
              2  could not run: bad arguments, unreadable or unsafe input, missing browser or identity
              3  an encrypted bundle: wrong key or passphrase (not encrypted to it)
              4  an encrypted bundle: damaged, tampered with or truncated; nothing was decrypted""";

    private ExitCode() {
    }
}
