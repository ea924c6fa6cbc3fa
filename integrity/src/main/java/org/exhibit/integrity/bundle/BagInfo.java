package org.exhibit.integrity.bundle;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BagLabels;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.identity.Identity;

/** {@code bag-info.txt} of a sealed bundle (RFC 8493 reserved labels, then Exhibit's own). */
final class BagInfo {
    private BagInfo() {
    }

    static TagFile of(Identity investigator, CustodyManifest manifest, Payload payload) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        if (investigator.org() != null) {
            f.add(Map.entry(BagLabels.SOURCE_ORGANIZATION, investigator.org()));
        }
        f.add(Map.entry(BagLabels.CONTACT_NAME, investigator.name()));
        if (investigator.email() != null) {
            f.add(Map.entry(BagLabels.CONTACT_EMAIL, investigator.email()));
        }
        f.add(Map.entry(BagLabels.EXTERNAL_IDENTIFIER, manifest.caseId()));
        if (manifest.caseTitle() != null) {
            f.add(Map.entry(BagLabels.EXTERNAL_DESCRIPTION, oneLine(manifest.caseTitle())));
        }
        f.add(Map.entry(BagLabels.BAGGING_DATE, DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC)
                .format(manifest.sealedAt())));
        f.add(Map.entry(BagLabels.PAYLOAD_OXUM, new PayloadOxum(payload.octets(), payload.files().size()).toString()));
        f.add(Map.entry(BagLabels.EXHIBIT_FORMAT, String.valueOf(BundleLayout.FORMAT)));
        f.add(Map.entry(BagLabels.EXHIBIT_VERSION, manifest.exhibitVersion()));
        return new TagFile(f);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
