package org.exhibit.tools.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The few properties of an RDAP entity's {@code vcardArray} (jCard, RFC 7095) a notice needs: the name and the
 * e-mail addresses. Anything else, or anything malformed, is left out rather than failing.
 *
 * @param name   the {@code fn} (or {@code org}) value, or null
 * @param emails every {@code email} value, in order
 */
public record JCard(String name, List<String> emails) {
    public JCard {
        emails = List.copyOf(emails);
    }

    /** Reads {@code ["vcard", [[name, params, type, value...], ...]]}; null or malformed gives an empty card. */
    public static JCard of(JsonNode vcardArray) {
        String fn = null;
        String org = null;
        List<String> emails = new ArrayList<>();
        if (vcardArray != null && vcardArray.isArray() && vcardArray.size() >= 2 && vcardArray.get(1).isArray()) {
            for (JsonNode p : vcardArray.get(1)) {
                if (!p.isArray() || p.size() < 4 || !p.get(0).isTextual()) {
                    continue;
                }
                String value = text(p.get(3));
                switch (p.get(0).asText().toLowerCase(java.util.Locale.ROOT)) {
                    case "fn" -> fn = fn == null ? value : fn;
                    case "org" -> org = org == null ? value : org;
                    case "email" -> {
                        if (value != null && value.contains("@")) {
                            emails.add(value.startsWith("mailto:") ? value.substring("mailto:".length()) : value);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new JCard(fn != null ? fn : org, emails);
    }

    /** A property value: text, or the first text of a structured (array) value. */
    private static String text(JsonNode v) {
        if (v.isTextual()) {
            String s = v.asText().strip();
            return s.isEmpty() ? null : s;
        }
        if (v.isArray()) {
            for (JsonNode part : v) {
                String s = text(part);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }
}
