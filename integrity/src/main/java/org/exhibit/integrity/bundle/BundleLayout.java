package org.exhibit.integrity.bundle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where things are in a bundle (docs/FORMAT.md, "The bundle"). */
final class BundleLayout {
    static final String BAGIT = "bagit.txt";
    static final String BAG_INFO = "bag-info.txt";
    static final String MANIFEST = "manifest-sha256.txt";
    static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
    static final String VERIFY = "VERIFY.txt";
    /** The investigator's CMS signature over the tag manifest (format 2): it binds every other file of the bundle. */
    static final String TAG_SIGNATURE = "tagmanifest-sha256.txt.p7s";
    static final String CUSTODY_MANIFEST = "custody/manifest.json";
    /** Format 1 only: the signature over {@code custody/manifest.json} alone. */
    static final String LEGACY_SIGNATURE = "custody/manifest.json.p7s";
    static final String EVENTS = "custody/events.jsonl";
    static final String INVESTIGATOR = "custody/investigator.pem";
    static final String TSA_DIR = "custody/tsa/";
    static final String DATA = "data/";
    /** Exhibit-Format of bag-info.txt and manifest.json's format: 2 signs the tag manifest. */
    static final int FORMAT = 2;
    /** The format before the signature covered the tag manifest; still verified, with a warning. */
    static final int LEGACY_FORMAT = 1;

    /** A record: {@code data/captures/<id>/capture.json} or {@code data/files/<id>/item.json}. */
    static final Pattern RECORD = Pattern.compile("data/(captures/([^/]+)/capture|files/([^/]+)/item)\\.json");
    /** A timestamp beside the file it stamps: {@code <file>.<tsa>.tsr}. */
    static final Pattern TOKEN = Pattern.compile("(.+\\.json)\\.([a-z0-9][a-z0-9.-]*)\\.tsr");
    /** A TSA name as used in file names. */
    static final Pattern TSA_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private BundleLayout() {
    }

    static boolean isRecord(String path) {
        return RECORD.matcher(path).matches();
    }

    static boolean isCapture(String path) {
        return path.startsWith("data/captures/");
    }

    /** The id of a record path ("0001"), or null when the path is not a record. */
    static String recordId(String path) {
        Matcher m = RECORD.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static String manifestToken(String tsa) {
        return CUSTODY_MANIFEST + "." + tsa + ".tsr";
    }

    static String tsaChain(String tsa) {
        return TSA_DIR + tsa + ".pem";
    }
}
