package org.exhibit.format.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where things are in a bundle (docs/FORMAT.md, "The bundle"). */
public final class BundleLayout {
    public static final String BAGIT = "bagit.txt";
    public static final String BAG_INFO = "bag-info.txt";
    public static final String MANIFEST = "manifest-sha256.txt";
    public static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
    public static final String VERIFY = "VERIFY.txt";
    /** The investigator's CMS signature over the tag manifest (format 2): it binds every other file of the bundle. */
    public static final String TAG_SIGNATURE = "tagmanifest-sha256.txt.p7s";
    /**
     * The RFC 4998 evidence record (DER) over every other file of the bundle, signature included; listed in no
     * manifest, so that {@code exhibit renew} can replace it without touching the signed files.
     */
    public static final String EVIDENCE_RECORD = "evidence-record.ers";
    public static final String CUSTODY_MANIFEST = "custody/manifest.json";
    /** Format 1 only: the signature over {@code custody/manifest.json} alone. */
    public static final String LEGACY_SIGNATURE = "custody/manifest.json.p7s";
    public static final String EVENTS = CaseLayout.CUSTODY + "/" + CaseLayout.EVENTS;
    public static final String INVESTIGATOR = "custody/investigator.pem";
    public static final String TSA_DIR = CaseLayout.CUSTODY + "/" + CaseLayout.TSA + "/";
    public static final String DATA = CaseLayout.DATA + "/";
    public static final String CAPTURES = DATA + CaseLayout.CAPTURES + "/";
    public static final String FILES = DATA + CaseLayout.FILES + "/";
    public static final String REPORT_HTML = DATA + CaseLayout.REPORT + "/" + CaseLayout.REPORT_HTML;
    public static final String REPORT_PDF = DATA + CaseLayout.REPORT + "/" + CaseLayout.REPORT_PDF;
    /** Exhibit-Format of bag-info.txt and manifest.json's format: 2 signs the tag manifest. */
    public static final int FORMAT = 2;
    /** The format before the signature covered the tag manifest; still verified, with a warning. */
    public static final int LEGACY_FORMAT = 1;

    /** A record: {@code data/captures/<id>/capture.json} or {@code data/files/<id>/item.json}. */
    public static final Pattern RECORD = Pattern.compile(Pattern.quote(CaseLayout.DATA + "/") + "(?:"
            + Pattern.quote(CaseLayout.CAPTURES + "/") + "([^/]+)/" + Pattern.quote(CaptureFolder.RECORD) + "|"
            + Pattern.quote(CaseLayout.FILES + "/") + "([^/]+)/" + Pattern.quote(ItemFolder.RECORD) + ")");
    /** A timestamp beside the file it stamps: {@code <file>.<tsa>.tsr}. */
    public static final Pattern TOKEN = Pattern.compile("(.+\\.json)\\.([a-z0-9][a-z0-9.-]*)\\.tsr");
    /** A TSA name as used in file names. */
    public static final Pattern TSA_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private BundleLayout() {
    }

    public static boolean isRecord(String path) {
        return RECORD.matcher(path).matches();
    }

    public static boolean isCapture(String path) {
        return path.startsWith(CAPTURES);
    }

    /** The id of a record path ("0001"), or null when the path is not a record. */
    public static String recordId(String path) {
        Matcher m = RECORD.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** A timestamp's name beside the file it stamps: {@code capture.json} and "local" give {@code capture.json.local.tsr}. */
    public static String token(String stamped, String tsa) {
        return stamped + "." + tsa + ".tsr";
    }

    public static String manifestToken(String tsa) {
        return token(CUSTODY_MANIFEST, tsa);
    }

    public static String tsaChain(String tsa) {
        return TSA_DIR + tsa + ".pem";
    }
}
