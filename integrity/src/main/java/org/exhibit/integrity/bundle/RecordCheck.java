package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;

/**
 * Every file a {@code capture.json} or {@code item.json} lists ({@code artifacts[].path}, relative to the
 * record's folder) is present with the recorded {@code artifacts[].sha256}.
 */
final class RecordCheck {
    static final String NAME = "records";

    private RecordCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        for (RecordRef r : b.records()) {
            check(b, r, out);
        }
        if (b.records().isEmpty()) {
            out.add(Check.warn(NAME, Reason.NO_RECORDS, BundleLayout.DATA, "data/: no capture or item records in this bundle"));
        }
        return out;
    }

    private static void check(OpenBundle b, RecordRef ref, List<Check> out) {
        String record = ref.path();
        String folder = ref.folder() + "/";
        List<Artifact> artifacts;
        try {
            artifacts = b.record(ref).artifacts();
        } catch (IOException e) {
            out.add(Check.fail(NAME, Reason.MALFORMED, record, record + ": unreadable record: " + e.getMessage()));
            return;
        }
        if (artifacts == null) {
            out.add(Check.fail(NAME, Reason.MALFORMED, record, record + ": expected an \"artifacts\" list, got none"));
            return;
        }
        int failures = 0;
        for (Artifact a : artifacts) {
            Check failure = artifact(b, record, folder, a);
            if (failure != null) {
                failures++;
                out.add(failure);
            }
        }
        if (failures == 0) {
            out.add(Check.pass(NAME, record, record + ": all " + artifacts.size() + " listed files match"));
        }
    }

    /** The failure of one listed file, or null when it is there with its hash. */
    private static Check artifact(OpenBundle b, String record, String folder, Artifact a) {
        String relative = a == null ? null : a.path();
        String expected = a == null ? null : a.sha256();
        if (relative == null || expected == null) {
            return Check.fail(NAME, Reason.MALFORMED, record, record + ": an artifact without path or sha256: " + a);
        }
        try {
            EntryNames.check(relative.getBytes(java.nio.charset.StandardCharsets.UTF_8), relative);
        } catch (UnsafeZipException e) {
            return Check.fail(NAME, Reason.BAD_ARTIFACT_PATH, record, record
                    + ": artifact path escapes its folder or is malformed: " + e.getMessage());
        }
        String path = folder + relative;
        if (!b.has(path)) {
            return Check.fail(NAME, Reason.MISSING, path, path + ": listed in " + record + ", missing from the bundle");
        }
        if (b.damage(path) != null) {
            return Check.fail(NAME, Reason.DAMAGED, path, b.damage(path));
        }
        Sha256 actual = b.sha256(path);
        if (!actual.hex().equalsIgnoreCase(expected)) {
            return Check.fail(NAME, Reason.HASH_MISMATCH, path, path + ": SHA-256 expected " + expected + ", got "
                    + actual + " (" + record + ")");
        }
        return null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
