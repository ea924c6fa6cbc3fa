package org.exhibit.integrity.bundle;

import java.util.List;

/**
 * What {@link BundleVerifier} found: every check in order, and the outcome.
 *
 * @param bundle  the bundle's file name
 * @param outcome verified, failed, or could not run
 * @param strict  whether warnings counted as failures
 * @param signer  who signed, when the signature is valid; {@code signer.trusted()} says whether the user vouched
 *                for that certificate with {@code --trust}; null when the signature does not hold
 * @param checks  every check, in the order docs/FORMAT.md lists them
 * @param bundleSha256 SHA-256 of the bundle file, when asked for ({@link BundleVerifier#verify(java.nio.file.Path,
 *                     boolean, boolean)}); else null
 */
public record Verification(String bundle, Outcome outcome, boolean strict, Signer signer, List<Check> checks,
                           String bundleSha256) {
    /** The verdict; {@code exitCode} is what {@code exhibit verify} exits with. */
    public enum Outcome {
        VERIFIED(0), FAILED(1), COULD_NOT_RUN(2);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public Verification {
        checks = List.copyOf(checks);
    }

    /** The outcome of checks that ran to their end: failed if any failed (or warned, when strict). */
    static Verification of(String bundle, List<Check> checks, boolean strict, Signer signer, boolean couldNotRun) {
        boolean failed = checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL
                || (strict && c.status() == Check.Status.WARN));
        Outcome outcome = couldNotRun ? Outcome.COULD_NOT_RUN : failed ? Outcome.FAILED : Outcome.VERIFIED;
        return new Verification(bundle, outcome, strict, signer, checks, null);
    }

    Verification withBundleSha256(String sha256) {
        return new Verification(bundle, outcome, strict, signer, checks, sha256);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.status() == Check.Status.FAIL).toList();
    }

    public List<Check> warnings() {
        return checks.stream().filter(c -> c.status() == Check.Status.WARN).toList();
    }
}
