package org.exhibit.integrity.bundle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** BagIt's {@code Payload-Oxum}: the payload's octet count and file count, {@code "<octets>.<files>"}. */
public record PayloadOxum(long octets, long files) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");

    public static PayloadOxum parse(String value) {
        Matcher m = value == null ? null : FORM.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Payload-Oxum: expected \"<octets>.<files>\", got " + value);
        }
        return new PayloadOxum(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return octets + "." + files;
    }
}
