package org.exhibit.report;

import java.io.IOException;
import java.util.List;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.Nodes;

/**
 * A removal notice to one host, ready for the sender to complete: the chosen items (the media's URL, the pages
 * showing it, capture times, TSA times, hashes and the hash-list match), the non-consensual nature of the content and/or the infringed work, the statements a DMCA notice
 * requires (17 U.S.C. § 512(c)(3)), and placeholders for contact details and signature.
 */
final class TakedownContent {
    static final String DRAFT = "DRAFT prepared by Exhibit. Review it, replace every [bracket], and send it "
            + "yourself (to the host's abuse or legal contact, or through a search engine's removal form). "
            + "Exhibit never sends anything.";

    private TakedownContent() {
    }

    static void notice(ReportSink out, CaseInfo info, String host, List<TakedownTarget> targets,
                       TakedownNotices.Basis basis, TakedownAddressee to) throws IOException {
        boolean nci = basis != TakedownNotices.Basis.COPYRIGHT;
        boolean dmca = basis != TakedownNotices.Basis.NON_CONSENSUAL;
        out.heading(1, "Request for removal of content from " + host);
        out.notice(DRAFT);
        out.fields(List.of(
                Field.text("To", addressee(host, to)),
                Field.text("From", "[full name], [postal address], [telephone], [e-mail]"),
                Field.text("Date", "[date]"),
                Field.text("Subject", (nci ? "Non-consensual intimate imagery" : "")
                        + (nci && dmca ? " and " : "") + (dmca ? "notice of copyright infringement (DMCA)" : "")
                        + " — " + targets.size() + " item(s) on " + host)));
        out.paragraph("I ask you to remove, promptly, the " + targets.size() + " item(s) below from " + host
                + ", and to prevent them from being uploaded again. Each item is named by its address and the page(s) "
                + "on which it is shown; only these items are the subject of this notice, not the rest of those "
                + "pages. Each was captured as evidence (case " + info.id() + "); the SHA-256 value identifies the "
                + "exact content, the MD5 value identifies a video file as hash-matching services take it, and the "
                + "PDQ value is a perceptual hash that matches copies of an image even after resizing or "
                + "re-encoding.");
        try (ReportSink.Table t = out.table(Column.text("Item, where it is shown, capture", 3f), Column.mono("Hashes", 4.3f))) {
            int n = 0;
            for (TakedownTarget target : targets) {
                StringBuilder left = new StringBuilder(++n + ". ");
                left.append(target.url() != null ? target.url()
                        : "(no address of its own: " + target.path() + " in capture " + target.captures().get(0) + ")");
                left.append('\n').append("page".equals(target.kind()) ? "page (hash of its screenshot)" : target.kind());
                for (String page : target.pages()) {
                    left.append("\nshown on ").append(page);
                }
                left.append("\ncaptured ").append(Nodes.utc(target.captured())).append(" (capture ")
                        .append(String.join(", ", target.captures())).append(')');
                left.append("\nTSA time ").append(target.tsaTime());
                for (String why : target.why()) {
                    left.append("\nmatches the hash list: ").append(why);
                }
                t.row(left.toString(), "SHA-256:\n" + orNone(target.sha256())
                        + (target.md5().isEmpty() ? "" : "\nMD5:\n" + target.md5())
                        + (target.kind().startsWith("video/") ? "" : "\nPDQ:\n" + orNone(target.pdq())));
            }
        }
        if (nci) {
            out.heading(2, "Non-consensual intimate imagery");
            out.paragraph("The material shows [me / my client, NAME] in an intimate or sexual context. It was "
                    + "published without the consent of the person depicted [and was obtained or shared in breach of "
                    + "trust / created without consent]. Publishing it is against your terms of service on "
                    + "non-consensual intimate imagery and may be unlawful where you or the person depicted are. "
                    + "[Add the law you rely on, if any.]");
            out.paragraph("I am [the person depicted / authorised to act for the person depicted]. I have a good "
                    + "faith belief that this material was published without consent, and the information in this "
                    + "notice is accurate.");
        }
        if (dmca) {
            out.heading(2, "Copyright infringement (17 U.S.C. § 512(c)(3))");
            out.paragraph("Copyrighted work infringed: [describe the original work, e.g. \"a photograph of myself "
                    + "that I took on DATE\"]. The material at the addresses above reproduces it without "
                    + "authorisation.");
            out.paragraph("I have a good faith belief that use of the material in the manner complained of is not "
                    + "authorized by the copyright owner, its agent, or the law.");
            out.paragraph("The information in this notification is accurate, and under penalty of perjury, I am the "
                    + "owner, or authorized to act on behalf of the owner, of an exclusive right that is allegedly "
                    + "infringed.");
        }
        signature(out);
    }

    static void signature(ReportSink out) throws IOException {
        out.heading(2, "Contact and signature");
        out.fields(List.of(Field.text("Name", "[full legal name]"), Field.text("Address", "[postal address]"),
                Field.text("Telephone", "[telephone]"), Field.text("E-mail", "[e-mail]"),
                Field.text("Acting for", "[myself / name of the person depicted or copyright owner]")));
        out.paragraph("Signature: ______________________________   (or /full name/ as an electronic signature)");
        out.paragraph("Date: ____________________");
    }

    /** The short notice for search engines: the URLs of results to delist. */
    static void delisting(ReportSink out, List<TakedownTarget> targets) throws IOException {
        out.heading(1, "Request to remove search results");
        out.notice(DRAFT);
        out.paragraph("The results below link to intimate images of [me / the person I represent] published without "
                + "consent. I ask you to remove them from your web and image search results.");
        try (ReportSink.Table t = out.table(Column.text("URL", 5f), Column.text("Captured (UTC)", 2f))) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (TakedownTarget target : targets) {
                List<String> urls = new java.util.ArrayList<>(target.pages());
                if (target.url() != null) {
                    urls.add(0, target.url());
                }
                for (String url : urls) {
                    if (seen.add(url)) {
                        t.row(url, Nodes.utc(target.captured()));
                    }
                }
            }
        }
        out.paragraph("I have a good faith belief that the information in this request is accurate and that I am "
                + "[the person depicted / authorised to act for the person depicted].");
        signature(out);
    }

    /** The "To" line: the abuse contacts a lookup found, or a placeholder saying why there is none. */
    static String addressee(String host, TakedownAddressee to) {
        if (to == null) {
            return "[abuse, trust & safety or designated DMCA agent of " + host + "]";
        }
        if (to.contacts().isEmpty()) {
            return "the host's abuse contact (lookup failed: " + (to.failure() == null ? "no abuse contact found"
                    : to.failure()) + ") [find the abuse, trust & safety or DMCA agent of " + host + "]";
        }
        List<String> out = new java.util.ArrayList<>();
        for (TakedownAddressee.Contact c : to.contacts()) {
            out.add(c.email() + " (abuse contact of " + (c.provider() == null || c.provider().isBlank()
                    ? "the provider" : c.provider()) + ", " + c.role() + ")");
        }
        return String.join("; ", out) + (to.failure() == null ? "" : " [also: " + to.failure() + "]");
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "(none)" : s;
    }
}
