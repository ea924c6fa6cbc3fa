package org.exhibit.report;

import java.io.IOException;
import java.util.List;
import org.exhibit.integrity.bundle.Check;
import org.exhibit.integrity.bundle.Reason;
import org.exhibit.report.layout.ReportSink;

/** What each kind of warning means for the evidence, and what to do about it. */
final class Warnings {
    private Warnings() {
    }

    static void explain(ReportSink out, List<Check> warnings) throws IOException {
        out.heading(2, "Warnings explained");
        if (warnings.isEmpty()) {
            out.paragraph("There were no warnings.");
            return;
        }
        for (Check w : warnings) {
            out.paragraph(w.file() + ": " + meaning(w) + "\nVerifier: " + w.message());
        }
    }

    /** The finding says a certificate does not chain to a trust anchor, or that nobody vouched for it. */
    static boolean untrusted(Check w) {
        return w.reason() == Reason.SIGNER_UNVERIFIED || w.reason() == Reason.SIGNER_UNTRUSTED
                || w.reason() == Reason.TSA_UNTRUSTED;
    }

    static String meaning(Check w) {
        if (w.reason() == null) {
            return "This does not show that any file changed; it is a point to review.";
        }
        return switch (w.reason()) {
            case LEGACY_FORMAT -> "The bundle was sealed by an older Exhibit (format 1). Its signature covers the "
                    + "custody manifest and through it every evidence file, but not the verification instructions, "
                    + "the bag's description or which time-stamps it carries. The evidence itself is unaffected; "
                    + "seal the case again with this version for the full binding.";
            case AUTHOR_UNNAMED -> "A record that does not name the investigator's certificate cannot be tied to the "
                    + "signer by the verifier; its files still match.";
            case SIGNER_UNVERIFIED, SIGNER_UNTRUSTED -> "The signature is mathematically valid, but the investigator's "
                    + "certificate is not one you told Exhibit to trust. Confirm the fingerprint with the investigator "
                    + "(in person or from a trusted document), then verify again with --trust to remove this warning.";
            case STAMP_PENDING -> "This record has no time-stamp yet, so only the investigator's clock says when it "
                    + "was made. The files still match; their time is not independently vouched for.";
            case TSA_UNTRUSTED -> "The time-stamp is valid for the data, but its authority is not in your trust list. "
                    + "Obtain that authority's root certificate from a source you trust and verify again with --trust.";
            case SELF_RUN_TSA -> "The time-stamp comes from Exhibit's own time-stamping authority, run by the "
                    + "investigator or their office, not from a public one. It proves the data has not changed since; "
                    + "the time it states is only as trustworthy as whoever ran that authority.";
            case NO_RECORDS -> "The bundle holds no capture or item, so there is no evidence in it to rely on.";
            default -> "This does not show that any file changed; it is a point to review.";
        };
    }
}
