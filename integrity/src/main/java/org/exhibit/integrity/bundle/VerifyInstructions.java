package org.exhibit.integrity.bundle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BundleLayout;

/**
 * {@code VERIFY.txt}: how to check this very bundle with unzip, sha256sum and openssl alone. Every line starting
 * with "$ " is a command to run, in order, from the folder holding the bundle; each prints OK (or openssl's
 * "Verification successful" / "CMS Verification successful") or fails.
 */
final class VerifyInstructions {
    /**
     * @param tokens   every timestamp in the bundle: its path, mapped to the path of the file it stamps
     * @param tsaRoots for each TSA name, whether custody/tsa/<tsa>.pem ends in a self-signed (root) certificate
     */
    record Facts(String bundleFile, CustodyManifest manifest, Map<String, String> tokens,
                 Map<String, Boolean> tsaRoots, List<String> pending) {
    }

    private VerifyInstructions() {
    }

    static byte[] text(Facts f) {
        String file = f.bundleFile();
        String folder = file.endsWith(".zip") ? file.substring(0, file.length() - 4) : file + ".d";
        CustodyManifest m = f.manifest();
        StringBuilder t = new StringBuilder();
        t.append("Verifying ").append(file).append("\n\n");
        t.append("Sealed by Exhibit ").append(m.exhibitVersion()).append(" at ").append(m.sealedAt())
                .append(" for case ").append(m.caseId()).append(m.caseTitle() == null ? "" : " (" + m.caseTitle() + ")")
                .append(",\nby ").append(m.investigator().name()).append(", certificate SHA-256 ")
                .append(m.investigator().fingerprint()).append(".\n\n");
        t.append("""
                Everything below needs only unzip, sha256sum (GNU coreutils) and openssl (1.1 or later). Run every
                line that starts with "$ " (without the "$ "), in order, from the folder that holds the bundle.
                Each prints OK, "Verification successful" or "CMS Verification successful"; anything else means
                the bundle is not as sealed. `exhibit verify BUNDLE.zip` runs the same checks and more.

                """);
        step(t, "1. Unpack the bundle (nothing is written outside the new folder) and enter it",
                "unzip -q " + file + " -d " + folder + " && cd " + folder);
        step(t, "2. The investigator signed tagmanifest-sha256.txt (CMS, detached), which lists every other file\n"
                + "   outside data/. -CAfile trusts the certificate the bundle carries; compare its fingerprint with\n"
                + "   one you obtained from the investigator yourself:\n"
                + "   openssl x509 -in custody/investigator.pem -noout -fingerprint -sha256",
                "openssl cms -verify -binary -inform DER -in tagmanifest-sha256.txt.p7s -content tagmanifest-sha256.txt"
                        + " -CAfile custody/investigator.pem -purpose any -out /dev/null");
        step(t, "3. Every tag file (this one, bag-info.txt, custody/...) has the SHA-256 tagmanifest-sha256.txt lists",
                "sha256sum -c --strict tagmanifest-sha256.txt");
        step(t, "4. Every payload file under data/ has the SHA-256 that manifest-sha256.txt lists",
                "sha256sum -c --strict manifest-sha256.txt");
        step(t, "5. Nothing else is in the bundle: every file is listed in one of the two manifests, except the tag\n"
                + "   manifest, its signature and the evidence record (step 10)",
                "[ \"$(find . -type f | cut -c3- | LC_ALL=C sort)\" = \"$({ cut -c67- manifest-sha256.txt; cut -c67-"
                        + " tagmanifest-sha256.txt; printf '%s\\n' tagmanifest-sha256.txt tagmanifest-sha256.txt.p7s "
                        + BundleLayout.EVIDENCE_RECORD + "; }"
                        + " | LC_ALL=C sort)\" ] && echo \"every file is listed: OK\"");
        step(t, "6. custody/manifest.json binds the payload: it holds the SHA-256 of manifest-sha256.txt",
                "grep -q \"$(sha256sum manifest-sha256.txt | cut -c1-64)\" custody/manifest.json && echo \"manifest"
                        + " binds manifest-sha256.txt: OK\"");
        t.append("7. RFC 3161 timestamps: the manifest's, then each record's. -CAfile below trusts the TSA chain the\n"
                + "   bundle carries; to rely on a TSA independently, use the root certificate it publishes instead.\n"
                + "   (openssl may warn that the TSA's own certificate \"is not a CA cert\": that is expected.)\n");
        for (Map.Entry<String, String> token : f.tokens().entrySet()) {
            String tsa = tsaOf(token.getKey());
            String chain = BundleLayout.tsaChain(tsa);
            String anchor = Boolean.TRUE.equals(f.tsaRoots().get(tsa)) ? chain : "ROOT-OF-" + tsa + ".pem";
            t.append("$ openssl ts -verify -data ").append(token.getValue()).append(" -in ").append(token.getKey())
                    .append(" -CAfile ").append(anchor).append(" -untrusted ").append(chain).append('\n');
        }
        if (!f.tsaRoots().values().stream().allMatch(Boolean::booleanValue)) {
            t.append("   (ROOT-OF-<tsa>.pem: the TSA's root certificate, from the TSA; the bundle does not carry it)\n");
        }
        for (String record : f.pending()) {
            t.append("   ").append(record).append(": timestamp pending when sealed; covered by the manifest's\n");
        }
        t.append('\n');
        step(t, "8. The custody log is an unbroken chain: each line's \"prev\" is the SHA-256 of the line before it\n"
                + "   (with its newline), the first line's is 64 zeros",
                "( prev=0000000000000000000000000000000000000000000000000000000000000000; n=0; while IFS= read -r l;"
                        + " do n=$((n+1)); case \"$l\" in *\"\\\"prev\\\":\\\"$prev\\\"\"*) ;; *) echo \"line $n: chain"
                        + " broken\"; exit 1;; esac; prev=$(printf '%s\\n' \"$l\" | sha256sum | cut -c1-64); done"
                        + " < custody/events.jsonl; echo \"custody log: $n lines chained: OK\" )");
        step(t, "9. custody/manifest.json binds the log: it holds the SHA-256 of the log's last line",
                "grep -q \"$(tail -n 1 custody/events.jsonl | sha256sum | cut -c1-64)\" custody/manifest.json && echo"
                        + " \"manifest binds custody/events.jsonl: OK\"");
        t.append("10. " + BundleLayout.EVIDENCE_RECORD + " is an RFC 4998 evidence record (DER) over every other file of\n"
                + "   the bundle, the signature included: one hash tree, stamped by a TSA, renewed later by `exhibit renew`\n"
                + "   (a new archive timestamp before a TSA certificate expires, a new hash tree before SHA-256 weakens)\n"
                + "   without changing any other file. openssl cannot check it; `exhibit verify` does (check\n"
                + "   \"evidence-record\"), and so does any RFC 4998 tool. To see its structure and timestamps:\n"
                + "$ openssl asn1parse -inform DER -in " + BundleLayout.EVIDENCE_RECORD + " -i | head -n 40\n\n");
        t.append("""
                What the checks mean: 2 shows who sealed the bundle and that no file outside data/ changed since,
                through 3; 4 shows no payload file changed; 5 that nothing was added; 6 and 9 tie every file and the
                custody log to custody/manifest.json; 7 shows the manifest and each record existed at the TSA's
                genTime (openssl ts -reply -in <token> -text prints it); 10 carries that proof past the TSAs'
                certificates and today's hash algorithm.
                """);
        return t.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void step(StringBuilder t, String heading, String command) {
        t.append(heading).append('\n').append("$ ").append(command).append("\n\n");
    }

    /** "custody/manifest.json.local.tsr" to "local". */
    static String tsaOf(String token) {
        String stripped = token.substring(0, token.length() - ".tsr".length());
        int json = stripped.lastIndexOf(".json.");
        return stripped.substring(json + ".json.".length());
    }
}
