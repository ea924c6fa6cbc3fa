package org.exhibit.report;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/**
 * The page the investigator signs: who they are, the tool and process, the hash algorithm and values, the
 * timestamps, and a declaration template (US FRE 902(13)/(14) with a 28 U.S.C. § 1746 declaration) that is
 * plainly marked as a template to review for the user's jurisdiction.
 */
final class CertificationPage {
    private CertificationPage() {
    }

    static void write(ReportSink out, CaseInfo info, String toolVersion, String browser, List<Entry> entries,
                      List<Field> sealValues) throws IOException {
        out.pageBreak();
        out.heading(2, "Certification of the investigator");
        out.notice(CertificationText.TEMPLATE_WARNING);
        List<Field> f = new ArrayList<>();
        f.add(Field.text("Investigator", blank(info.investigator().name())));
        f.add(Field.mono("Certificate SHA-256", blank(info.investigator().fingerprint())));
        f.add(Field.text("Tool", "Exhibit " + toolVersion + (browser.isEmpty() ? "" : ", browser " + browser)));
        f.add(Field.text("Process", CertificationText.PROCESS));
        f.add(Field.text("Hash algorithm", "SHA-256 (FIPS 180-4), computed when each file was saved"));
        f.add(Field.text("Timestamps", "RFC 3161 time-stamp tokens over the SHA-256 of each record; times below"));
        f.add(Field.text("Case", info.id() + (info.title().isEmpty() ? "" : " — " + info.title())));
        f.addAll(sealValues);
        out.fields(f);
        out.heading(3, "Hash values of the records (each record lists the SHA-256 of every file it holds)");
        try (ReportSink.Table t = out.table(Column.text("Record, TSA time", 2.7f), Column.mono("SHA-256", 4.3f))) {
            for (Entry e : entries) {
                t.row(e.record() + "\n" + e.stampText(), e.recordSha256());
            }
        }
        Instant first = entries.stream().map(Entry::time).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        Instant last = entries.stream().map(Entry::time).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        out.pageBreak();
        out.heading(3, CertificationText.TITLE);
        out.notice("TEMPLATE — review and adapt for your jurisdiction before signing. Replace every [bracket].");
        for (String para : CertificationText.declaration(blank(info.investigator().name()), toolVersion,
                Nodes.utc(first), Nodes.utc(last), info.id(), blank(info.investigator().fingerprint()))) {
            out.paragraph(para);
        }
        out.paragraph(CertificationText.PENALTY);
        out.paragraph("Executed on ______________________ (date) at ______________________________ (city, state, country).");
        out.paragraph("\n\n______________________________________________\nSignature");
        out.paragraph(blank(info.investigator().name()) + "\nPrinted name");
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? "[not recorded]" : s;
    }
}
