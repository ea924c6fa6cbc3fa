package org.exhibit.report;

import org.exhibit.integrity.bundle.Check;
import org.exhibit.integrity.bundle.Verification;
import org.exhibit.report.source.CaseInfo;

/** The verification's verdict in one sentence. */
final class Verdict {
    private Verdict() {
    }

    static String sentence(Verification v, CaseInfo info, String sealed) {
        String by = info == null || info.investigator().name().isEmpty() ? "" : " by " + info.investigator().name();
        return switch (v.outcome()) {
            case VERIFIED -> (v.warnings().isEmpty()
                    ? "VERIFIED: the bundle " + v.bundle() + " is intact — every file is exactly as sealed" + by + " on "
                    + sealed + ", and every check passed."
                    : "VERIFIED: the bundle " + v.bundle() + " is intact — every file is exactly as sealed" + by + " on "
                    + sealed + "; " + v.warnings().size() + " warning(s) below concern whom to trust, not the files.")
                    + " " + signer(v);
            case FAILED -> {
                Check first = v.failures().isEmpty() ? null : v.failures().get(0);
                yield "FAILED: the bundle " + v.bundle() + " is not as sealed — " + (first == null
                        ? "a warning counted as a failure (strict mode)"
                        : first.file() + " failed: " + first.message()) + " (" + v.failures().size()
                        + " failed check(s) in all).";
            }
            case COULD_NOT_RUN -> "NOT VERIFIED: the bundle " + v.bundle() + " could not be checked — "
                    + (v.failures().isEmpty() ? "unknown reason" : v.failures().get(0).message()) + ".";
        };
    }

    /** Whether the signer is someone the reader vouched for, or only the name the bundle gives. */
    static String signer(Verification v) {
        if (v.signer() == null) {
            return "";
        }
        return v.signer().trusted()
                ? "It was signed by " + v.signer().describe() + ", a certificate you told the verifier to trust."
                : "The signer is UNVERIFIED: \"" + v.signer().name() + "\" is only the name the bundle gives, and anyone "
                + "can make a key under any name. Compare the certificate SHA-256 " + v.signer().fingerprint()
                + " with one obtained from the investigator, then verify again with --trust and their certificate.";
    }
}
