package org.exhibit.report;

import java.io.IOException;
import java.util.List;
import org.exhibit.integrity.bundle.Check;
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

    /** The warning says a certificate does not chain to a configured trust anchor. */
    static boolean untrusted(Check w) {
        String m = w.message();
        return m.contains("does not chain to a trust anchor") || m.contains("not in the trust list")
                || m.contains("is unverified");
    }

    static String meaning(Check w) {
        String m = w.message().toLowerCase(java.util.Locale.ROOT);
        if (w.name().equals("signature") && m.contains("format 1 bundle")) {
            return "The bundle was sealed by an older Exhibit (format 1). Its signature covers the custody manifest "
                    + "and through it every evidence file, but not the verification instructions, the bag's "
                    + "description or which time-stamps it carries. The evidence itself is unaffected; seal the case "
                    + "again with this version for the full binding.";
        }
        if (w.name().equals("identity")) {
            return "A record that does not name the investigator's certificate cannot be tied to the signer by the "
                    + "verifier; its files still match.";
        }
        if (w.name().equals("signature")) {
            return "The signature is mathematically valid, but the investigator's certificate is not one you told "
                    + "Exhibit to trust. Confirm the fingerprint with the investigator (in person or from a trusted "
                    + "document), then verify again with --trust to remove this warning.";
        }
        if (w.name().equals("timestamp") && m.contains("pending")) {
            return "This record has no time-stamp yet, so only the investigator's clock says when it was made. "
                    + "The files still match; their time is not independently vouched for.";
        }
        if (w.name().equals("timestamp") && untrusted(w)) {
            return "The time-stamp is valid for the data, but its authority is not in your trust list. Obtain "
                    + "that authority's root certificate from a source you trust and verify again with --trust.";
        }
        if (w.name().equals("timestamp") && m.contains("self-run")) {
            return "The time-stamp comes from Exhibit's own time-stamping authority, run by the investigator or "
                    + "their office, not from a public one. It proves the data has not changed since; the time it "
                    + "states is only as trustworthy as whoever ran that authority.";
        }
        return "This does not show that any file changed; it is a point to review.";
    }
}
