package org.exhibit.integrity.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BagLabels;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.digest.Sha256;

/**
 * {@code custody/manifest.json} binds the bag: the SHA-256 of {@code manifest-sha256.txt}, the case id of
 * bag-info, and every record of the bundle with its hash (no record missing, none unlisted).
 */
final class ManifestCheck {
    static final String NAME = "manifest";

    private ManifestCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        CustodyManifest m = b.custodyManifest(NAME, out);
        if (m == null) {
            return out;
        }
        String file = BundleLayout.CUSTODY_MANIFEST;
        int before = out.size();
        if (m.format() != BundleLayout.FORMAT && m.format() != BundleLayout.LEGACY_FORMAT) {
            out.add(Check.fail(NAME, Reason.MALFORMED, file, file + ": format expected " + BundleLayout.FORMAT + " (or "
                    + BundleLayout.LEGACY_FORMAT + "), got " + m.format()));
        }
        Sha256 payload = b.sha256(BundleLayout.MANIFEST);
        if (payload == null || !payload.hex().equals(m.payloadManifestSha256())) {
            out.add(Check.fail(NAME, Reason.NOT_BOUND, file, file + ": SHA-256 of " + BundleLayout.MANIFEST + " expected "
                    + m.payloadManifestSha256() + ", got " + (payload == null ? "no such file" : payload)));
        }
        String bagCase = b.bagInfo(BagLabels.EXTERNAL_IDENTIFIER);
        if (m.caseId() == null || !m.caseId().equals(bagCase)) {
            out.add(Check.fail(NAME, Reason.NOT_BOUND, file, file + ": case id " + m.caseId() + " differs from bag-info.txt's "
                    + "External-Identifier " + bagCase));
        }
        Set<String> listed = new HashSet<>();
        records(b, m.captures(), true, listed, out);
        records(b, m.items(), false, listed, out);
        for (String path : b.names()) {
            if (BundleLayout.isRecord(path) && !listed.contains(path)) {
                out.add(Check.fail(NAME, Reason.NOT_BOUND, path, path + ": record not listed in " + file));
            }
        }
        if (out.size() == before) {
            out.add(Check.pass(NAME, file, file + ": binds " + BundleLayout.MANIFEST + " and "
                    + listed.size() + " records"));
        }
        return out;
    }

    private static void records(OpenBundle b, List<CustodyManifest.SealedRecord> records, boolean captures,
                                Set<String> listed, List<Check> out) {
        String file = BundleLayout.CUSTODY_MANIFEST;
        for (CustodyManifest.SealedRecord r : records) {
            String path = r.record();
            if (path == null || !BundleLayout.isRecord(path) || BundleLayout.isCapture(path) != captures
                    || !listed.add(path)) {
                out.add(Check.fail(NAME, Reason.MALFORMED, file, file + ": record path expected a unique "
                        + (captures ? "data/captures/<id>/capture.json" : "data/files/<id>/item.json")
                        + ", got " + path));
                continue;
            }
            Sha256 actual = b.sha256(path);
            if (actual == null) {
                out.add(Check.fail(NAME, Reason.MISSING, path, path + ": listed in " + file + ", missing from the bundle"));
            } else if (!actual.hex().equals(r.sha256())) {
                out.add(Check.fail(NAME, Reason.NOT_BOUND, path, path + ": SHA-256 expected " + r.sha256() + ", got " + actual
                        + " (" + file + ")"));
            }
        }
    }
}
