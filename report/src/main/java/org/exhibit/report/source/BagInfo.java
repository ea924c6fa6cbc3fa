package org.exhibit.report.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhibit.format.layout.BundleLayout;

/** The labels of a bundle's {@code bag-info.txt} (RFC 8493 §2.2.2); empty for a workspace. */
record BagInfo(Map<String, String> labels) {

    static BagInfo read(CaseFiles files) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        if (files.exists(BundleLayout.BAG_INFO)) {
            String text = new String(files.readSmall(BundleLayout.BAG_INFO, 1 << 20), StandardCharsets.UTF_8);
            String last = null;
            for (String line : text.split("\r?\n")) {
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && last != null) {
                    labels.merge(last, " " + line.strip(), String::concat);
                } else if (line.indexOf(':') > 0) {
                    last = line.substring(0, line.indexOf(':')).strip();
                    labels.putIfAbsent(last, line.substring(line.indexOf(':') + 1).strip());
                }
            }
        }
        return new BagInfo(labels);
    }

    String value(String label) {
        return labels.getOrDefault(label, "");
    }

    /** A date or date-time label as an instant (a bare date is midnight UTC), or null. */
    Instant instant(String label) {
        String v = value(label);
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
