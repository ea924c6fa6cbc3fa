package org.exhibit.integrity.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.exhibit.format.layout.BundleLayout;

/**
 * Nothing is present that no manifest lists (payload in manifest-sha256.txt, tag files in the tag manifest; only the
 * tag manifest, its signature and the evidence record, which covers itself every other file, are listed nowhere), and nothing is missing that every bundle carries: VERIFY.txt,
 * and the chain {@code custody/tsa/<tsa>.pem} of every TSA whose token the bundle holds.
 */
final class CompletenessCheck {
    static final String NAME = "unlisted";

    private CompletenessCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        List<Check> ignored = new ArrayList<>();
        BagManifest payload = b.has(BundleLayout.MANIFEST) ? BagCheck.manifest(b, BundleLayout.MANIFEST, ignored) : null;
        BagManifest tags = b.has(BundleLayout.TAG_MANIFEST)
                ? BagCheck.manifest(b, BundleLayout.TAG_MANIFEST, ignored) : null;
        int count = 0;
        for (String path : b.names()) {
            count++;
            boolean data = path.startsWith(BundleLayout.DATA);
            BagManifest manifest = data ? payload : tags;
            if (path.equals(BundleLayout.TAG_MANIFEST) || path.equals(BundleLayout.TAG_SIGNATURE)
                    || path.equals(BundleLayout.EVIDENCE_RECORD)
                    || (manifest != null && manifest.files().containsKey(path))) {
                continue;
            }
            out.add(Check.fail(NAME, Reason.UNLISTED, path, path + ": present but listed in no manifest ("
                    + (data ? BundleLayout.MANIFEST : BundleLayout.TAG_MANIFEST) + ")"));
        }
        required(b, out);
        if (out.isEmpty()) {
            out.add(Check.pass(NAME, b.name, b.name + ": all " + count + " files are listed in a manifest"));
        }
        return out;
    }

    private static void required(OpenBundle b, List<Check> out) {
        if (!b.has(BundleLayout.VERIFY)) {
            out.add(Check.fail(NAME, Reason.MISSING, BundleLayout.VERIFY, BundleLayout.VERIFY + ": missing from the bundle (every bundle "
                    + "carries its instructions for verifying by hand)"));
        }
        TreeSet<String> tsas = new TreeSet<>();
        for (String path : b.names()) {
            Matcher t = BundleLayout.TOKEN.matcher(path);
            if (t.matches()) {
                tsas.add(t.group(2));
            }
        }
        for (String tsa : tsas) {
            if (!b.has(BundleLayout.tsaChain(tsa))) {
                out.add(Check.fail(NAME, Reason.MISSING, BundleLayout.tsaChain(tsa), BundleLayout.tsaChain(tsa) + ": missing from the "
                        + "bundle, though it holds tokens of TSA " + tsa));
            }
        }
    }
}
