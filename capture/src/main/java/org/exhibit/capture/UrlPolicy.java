package org.exhibit.capture;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs Exhibit opens: {@code http} and {@code https} with a host, nothing else. {@code file:},
 * {@code javascript:}, {@code data:}, {@code chrome:} and malformed URLs are refused with one line, before
 * any browser starts. Internationalised host names are accepted and sent as punycode.
 *
 * <pre>{@code
 * CaptureTarget t = UrlPolicy.check("https://bücher.example/post?id=7");
 * t.url();      // "https://bücher.example/post?id=7"
 * t.request();  // https://xn--bcher-kva.example/post?id=7
 * UrlPolicy.check("file:///etc/passwd");   // RefusedUrlException: refused 'file:///etc/passwd': expected ...
 * }</pre>
 */
public final class UrlPolicy {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("^//([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?$", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]*)(?::(\\d{0,5}))?$");

    private UrlPolicy() {
    }

    /** Returns the target, or throws {@link RefusedUrlException} with a one-line reason naming the URL. */
    public static CaptureTarget check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new RefusedUrlException("refused URL: expected an http or https URL, got nothing");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(text, "a URL without control characters");
        }
        Matcher s = SCHEME.matcher(text);
        if (!s.matches()) {
            throw refused(text, "an http or https URL, got no scheme (write https://...)");
        }
        String scheme = s.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(text, "an http or https URL, got scheme '" + scheme + "'");
        }
        Matcher a = AUTHORITY.matcher(s.group(2));
        if (!a.matches()) {
            throw refused(text, "'" + scheme + "://' followed by a host");
        }
        String authority = a.group(1);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        Matcher hp = HOST_PORT.matcher(authority.substring(at + 1));
        if (!hp.matches() || hp.group(1).isEmpty()) {
            throw refused(text, "a host name, got '" + authority + "'");
        }
        String port = hp.group(2);
        if (port != null && (port.isEmpty() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw refused(text, "a port between 1 and 65535, got '" + port + "'");
        }
        String[] host = hosts(text, hp.group(1));
        String rest = a.group(2) + (a.group(3) == null ? "" : a.group(3)) + (a.group(4) == null ? "" : a.group(4));
        String prefix = scheme + "://" + (userInfo == null ? "" : userInfo + "@");
        String suffix = (port == null ? "" : ":" + port) + (a.group(2).isEmpty() ? "/" : "") + rest;
        try {
            URI request = new URI(prefix.replace(" ", "%20") + host[0] + encode(suffix));
            return new CaptureTarget(prefix + host[1] + suffix, request);
        } catch (URISyntaxException e) {
            throw refused(text, "a well-formed URL (" + e.getReason() + ")");
        }
    }

    /** {ascii, unicode} forms of the host. */
    private static String[] hosts(String text, String host) {
        if (host.startsWith("[")) {
            return new String[] {host.toLowerCase(Locale.ROOT), host.toLowerCase(Locale.ROOT)};
        }
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (ascii.isEmpty() || ascii.startsWith(".") || ascii.contains("..")
                    || !ascii.matches("[a-z0-9._-]+")) {
                throw refused(text, "a valid host name, got '" + host + "'");
            }
            return new String[] {ascii, IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED)};
        } catch (IllegalArgumentException e) {
            if (e instanceof RefusedUrlException r) {
                throw r;
            }
            throw refused(text, "a valid host name, got '" + host + "' (" + e.getMessage() + ")");
        }
    }

    /** Percent-encodes what a URI may not hold as is (non-ASCII, spaces, quotes, ...), keeping %XX escapes. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|} ".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static RefusedUrlException refused(String text, String expected) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new RefusedUrlException("refused '" + shown + "': expected " + expected);
    }
}
