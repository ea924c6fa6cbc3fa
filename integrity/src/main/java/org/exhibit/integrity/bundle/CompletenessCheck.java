package org.exhibit.integrity.bundle;

import java.util.ArrayList;
import java.util.List;

/** Nothing is present that no manifest lists: payload in manifest-sha256.txt, tag files in the tag manifest. */
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
            if (path.equals(BundleLayout.TAG_MANIFEST) || (manifest != null && manifest.files().containsKey(path))) {
                continue;
            }
            out.add(Check.fail(NAME, path, path + ": present but listed in no manifest ("
                    + (data ? BundleLayout.MANIFEST : BundleLayout.TAG_MANIFEST) + ")"));
        }
        if (out.isEmpty()) {
            out.add(Check.pass(NAME, b.name, b.name + ": all " + count + " files are listed in a manifest"));
        }
        return out;
    }
}
