package org.exhibit.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.TsaTime;

/** How anyone can check the bundle: with Exhibit, and with unzip, sha256sum and openssl alone (docs/FORMAT.md). */
final class VerifyInstructions {
    private VerifyInstructions() {
    }

    /**
     * @param verifyTxt the lines of the bundle's own VERIFY.txt (exact commands for that bundle), or null for a
     *                  workspace (not sealed, or being sealed into {@code bundleName} at {@code info.sealedAt()})
     */
    static void write(ReportSink out, CaseInfo info, String bundleName, List<Entry> entries, List<String> verifyTxt)
            throws IOException {
        out.pageBreak();
        out.heading(2, "How to verify this evidence");
        out.paragraph("Nothing in this report needs to be taken on trust. The sealed bundle " + bundleName
                + " can be checked on any computer, years later, without the investigator's machine.");
        out.heading(3, "With Exhibit");
        out.preformatted(List.of("exhibit verify " + bundleName,
                "exhibit verify " + bundleName + " --report verification.pdf   # a report for the court file"));
        out.paragraph("Exit status 0 means every check passed; 1 names the file that failed and why.");
        out.heading(3, "With standard tools only (unzip, sha256sum, openssl)");
        if (verifyTxt != null) {
            out.paragraph("The bundle carries VERIFY.txt with the exact commands for it; here it is as sealed:");
            out.preformatted(verifyTxt);
            return;
        }
        SortedSet<String> tsas = new TreeSet<>();
        for (Entry e : entries) {
            e.stamps().stream().map(TsaTime::tsa).forEach(tsas::add);
        }
        if (tsas.isEmpty()) {
            tsas.add("<tsa>");
        }
        List<String> cmds = new ArrayList<>(List.of(
                "unzip -q " + bundleName + " -d b && cd b",
                "openssl cms -verify -binary -inform DER -in tagmanifest-sha256.txt.p7s \\",
                "  -content tagmanifest-sha256.txt -CAfile custody/investigator.pem -purpose any -out /dev/null",
                "sha256sum -c --strict tagmanifest-sha256.txt   # every tag file",
                "sha256sum -c --strict manifest-sha256.txt      # every evidence file"));
        for (String tsa : tsas) {
            cmds.add("openssl ts -verify -data custody/manifest.json -in custody/manifest.json." + tsa + ".tsr \\");
            cmds.add("  -CAfile <root certificate of " + tsa + "> -untrusted custody/tsa/" + tsa + ".pem");
        }
        for (Entry e : entries.subList(0, Math.min(1, entries.size()))) {
            for (var s : e.stamps()) {
                cmds.add("openssl ts -verify -data " + e.record() + " -in " + e.record() + "." + s.tsa() + ".tsr \\");
                cmds.add("  -CAfile <root certificate of " + s.tsa() + "> -untrusted custody/tsa/" + s.tsa() + ".pem");
            }
        }
        out.preformatted(cmds);
        out.paragraph("Repeat the last command for each capture.json and item.json listed in the summary. "
                + (info.sealedAt() == null ? "Once the case is sealed, VERIFY.txt inside the bundle"
                        : "VERIFY.txt inside " + bundleName) + " spells out every command for it. The SHA-256 "
                + "values in this report can be compared with sha256sum's output for any file.");
    }
}
