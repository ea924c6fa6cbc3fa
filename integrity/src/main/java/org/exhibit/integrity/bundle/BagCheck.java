package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BagLabels;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.digest.Sha256;

/**
 * BagIt 1.0 (RFC 8493): bagit.txt, bag-info.txt's Payload-Oxum and format, every line of manifest-sha256.txt
 * and tagmanifest-sha256.txt against the bytes in the ZIP, and every payload file listed.
 */
final class BagCheck {
    static final String NAME = "bagit";

    private BagCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        declaration(b, out);
        info(b, out);
        BagManifest payload = manifest(b, BundleLayout.MANIFEST, out);
        if (payload != null) {
            onlyUnder(payload, BundleLayout.MANIFEST, true, out);
            lines(b, BundleLayout.MANIFEST, payload, out);
            for (String path : b.names()) {
                if (path.startsWith(BundleLayout.DATA) && !payload.files().containsKey(path)) {
                    out.add(Check.fail(NAME, Reason.UNLISTED, path, path + ": payload file not listed in " + BundleLayout.MANIFEST));
                }
            }
        }
        BagManifest tags = manifest(b, BundleLayout.TAG_MANIFEST, out);
        if (tags != null) {
            onlyUnder(tags, BundleLayout.TAG_MANIFEST, false, out);
            lines(b, BundleLayout.TAG_MANIFEST, tags, out);
        }
        return out;
    }

    private static void onlyUnder(BagManifest manifest, String file, boolean payload, List<Check> out) {
        for (String path : manifest.files().keySet()) {
            if (path.startsWith(BundleLayout.DATA) != payload || path.equals(BundleLayout.TAG_MANIFEST)) {
                out.add(Check.fail(NAME, Reason.MANIFEST_SCOPE, file, file + ": lists " + path + ", expected only "
                        + (payload ? "payload files under data/" : "tag files outside data/, not itself")));
            }
        }
    }

    private static void declaration(OpenBundle b, List<Check> out) {
        TagFile bagit = tagFile(b, BundleLayout.BAGIT, out);
        if (bagit == null) {
            return;
        }
        expect(out, BundleLayout.BAGIT, BagLabels.BAGIT_VERSION, "1.0", bagit.value(BagLabels.BAGIT_VERSION));
        expect(out, BundleLayout.BAGIT, BagLabels.ENCODING, "UTF-8",
                bagit.value(BagLabels.ENCODING));
    }

    private static void info(OpenBundle b, List<Check> out) {
        TagFile info = tagFile(b, BundleLayout.BAG_INFO, out);
        if (info == null) {
            return;
        }
        CustodyManifest m = b.custodyManifest(NAME, new ArrayList<>());
        int format = m != null && m.format() == BundleLayout.LEGACY_FORMAT ? m.format() : BundleLayout.FORMAT;
        expect(out, BundleLayout.BAG_INFO, BagLabels.EXHIBIT_FORMAT, String.valueOf(format), info.value(BagLabels.EXHIBIT_FORMAT));
        long octets = 0;
        long files = 0;
        for (String path : b.names()) {
            if (path.startsWith(BundleLayout.DATA)) {
                octets += b.size(path);
                files++;
            }
        }
        PayloadOxum actual = new PayloadOxum(octets, files);
        try {
            PayloadOxum declared = PayloadOxum.parse(info.value(BagLabels.PAYLOAD_OXUM));
            if (!declared.equals(actual)) {
                out.add(Check.fail(NAME, Reason.BAG_DECLARATION, BundleLayout.BAG_INFO, BundleLayout.BAG_INFO + ": Payload-Oxum expected "
                        + declared + ", got " + actual + " (bytes.files under data/)"));
            }
        } catch (IllegalArgumentException e) {
            out.add(Check.fail(NAME, Reason.BAG_DECLARATION, BundleLayout.BAG_INFO, BundleLayout.BAG_INFO + ": " + e.getMessage()));
        }
    }

    private static void expect(List<Check> out, String file, String label, String expected, String actual) {
        if (!expected.equals(actual)) {
            out.add(Check.fail(NAME, Reason.BAG_DECLARATION, file, file + ": " + label + " expected " + expected + ", got "
                    + (actual == null ? "none" : actual)));
        }
    }

    private static void lines(OpenBundle b, String file, BagManifest manifest, List<Check> out) {
        int matched = 0;
        for (Map.Entry<String, Sha256> line : manifest.files().entrySet()) {
            String path = line.getKey();
            if (!b.has(path)) {
                out.add(Check.fail(NAME, Reason.MISSING, path, path + ": listed in " + file + ", missing from the bundle"));
            } else if (b.damage(path) != null) {
                out.add(Check.fail(NAME, Reason.DAMAGED, path, b.damage(path)));
            } else if (!line.getValue().equals(b.sha256(path))) {
                out.add(Check.fail(NAME, Reason.HASH_MISMATCH, path, path + ": SHA-256 expected " + line.getValue() + ", got "
                        + b.sha256(path) + " (" + file + ")"));
            } else {
                matched++;
            }
        }
        if (matched == manifest.files().size()) {
            out.add(Check.pass(NAME, file, file + ": all " + matched + " files match"));
        }
    }

    static BagManifest manifest(OpenBundle b, String file, List<Check> out) {
        if (!b.has(file)) {
            out.add(Check.fail(NAME, Reason.MISSING, file, file + ": missing from the bundle"));
            return null;
        }
        try (InputStream in = b.zip.open(b.zip.entry(file))) {
            return BagManifest.parse(file, in);
        } catch (IllegalArgumentException e) {
            out.add(Check.fail(NAME, Reason.MALFORMED, file, e.getMessage()));
        } catch (IOException e) {
            out.add(Check.fail(NAME, Reason.MALFORMED, file, file + ": unreadable: " + e.getMessage()));
        }
        return null;
    }

    private static TagFile tagFile(OpenBundle b, String file, List<Check> out) {
        byte[] content = readTag(b, file, out);
        if (content == null) {
            return null;
        }
        try {
            return TagFile.parse(file, content);
        } catch (IllegalArgumentException e) {
            out.add(Check.fail(NAME, Reason.MALFORMED, file, e.getMessage()));
            return null;
        }
    }

    private static byte[] readTag(OpenBundle b, String file, List<Check> out) {
        if (!b.has(file)) {
            out.add(Check.fail(NAME, Reason.MISSING, file, file + ": missing from the bundle"));
            return null;
        }
        try {
            return b.read(file);
        } catch (IOException e) {
            out.add(Check.fail(NAME, Reason.MALFORMED, file, e.getMessage()));
            return null;
        }
    }
}
