package org.exhibit.capture.batch;

import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL from a link list, normalised so that two spellings of one page are seen as duplicates: scheme and
 * host lower-cased, the default port dropped, the fragment dropped, an empty path made {@code /}, and an
 * internationalised domain name turned into punycode. The browser is sent {@link #request()}; the record
 * keeps {@link #display()}, the same URL with the host in Unicode, as the investigator knows it.
 *
 * <pre>{@code
 * LinkUrl u = LinkUrl.parse("HTTPS://Bücher.example:443/café#top");
 * u.request();   // https://xn--bcher-kva.example/caf%C3%A9
 * u.display();   // https://bücher.example/caf%C3%A9
 * }</pre>
 *
 * @param given   the text as written in the list (trimmed)
 * @param request the ASCII URL to navigate to and to compare by
 * @param display the same URL with an internationalised host in Unicode
 */
public record LinkUrl(String given, URI request, String display) {
    /** RFC 3986, appendix B. */
    private static final Pattern PARTS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?([^?#]*)(\\?[^#]*)?(#.*)?$");
    private static final Pattern AUTHORITY = Pattern.compile("^(?:([^@]*)@)?(\\[[^]]*]|[^:]*)(?::(\\d*))?$");
    private static final String LEGAL = "-._~:/?#[]@!$&'()*+,;=%";

    /** Parses and normalises {@code text}; throws {@link IllegalArgumentException} saying why it is not a capturable URL. */
    public static LinkUrl parse(String text) {
        String given = text.strip();
        Matcher m = PARTS.matcher(given);
        if (given.isEmpty() || !m.matches() || given.chars().anyMatch(Character::isWhitespace)) {
            String hint = given.matches("[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}([/?#]\\S*)?") ? " (did you mean https://" + given + "?)" : "";
            throw new IllegalArgumentException("not a URL: expected an absolute http or https URL, got \"" + given + "\"" + hint);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("refused scheme: expected an http or https URL, got \"" + scheme + ":\"");
        }
        Matcher a = m.group(3) == null ? null : AUTHORITY.matcher(m.group(3));
        if (a == null || !a.matches() || a.group(2).isEmpty()) {
            throw new IllegalArgumentException("not a URL: expected a host after \"" + scheme + "://\", got \"" + given + "\"");
        }
        String host = host(a.group(2), given);
        String port = port(a.group(3), scheme, given);
        String userInfo = a.group(1) == null ? "" : encode(a.group(1)) + "@";
        String path = m.group(4).isEmpty() ? "/" : encode(m.group(4));
        String query = m.group(5) == null ? "" : encode(m.group(5));
        String ascii = scheme + "://" + userInfo + host + port + path + query;
        URI request;
        try {
            request = new URI(ascii);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage() + ", in \"" + given + "\"");
        }
        String unicode = host.startsWith("[") ? host : IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        return new LinkUrl(given, request, scheme + "://" + userInfo + unicode + port + path + query);
    }

    /** The comparison key: two entries with the same key are the same page. */
    public String key() {
        return request.toString();
    }

    private static String host(String raw, String given) {
        if (raw.startsWith("[")) {
            return raw.toLowerCase(Locale.ROOT);
        }
        try {
            String ascii = IDN.toASCII(raw.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
            if (ascii.isEmpty() || !ascii.matches("[a-z0-9._-]+") || ascii.startsWith(".") || ascii.contains("..")) {
                throw new IllegalArgumentException("bad characters");
            }
            return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: expected a host name, got \"" + raw + "\" in \"" + given + "\"");
        }
    }

    private static String port(String raw, String scheme, String given) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        int port = raw.length() > 5 ? -1 : Integer.parseInt(raw);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a URL: expected a port from 1 to 65535, got " + raw + " in \"" + given + "\"");
        }
        boolean standard = scheme.equals("http") ? port == 80 : port == 443;
        return standard ? "" : ":" + port;
    }

    /** Percent-encodes what may not appear in a URI (spaces, non-ASCII as UTF-8); leaves existing escapes alone. */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && (Character.isLetterOrDigit(c) || LEGAL.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
