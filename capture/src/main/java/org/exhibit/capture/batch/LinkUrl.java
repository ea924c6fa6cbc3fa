package org.exhibit.capture.batch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.exhibit.capture.CaptureTarget;
import org.exhibit.capture.RefusedUrlException;
import org.exhibit.capture.UrlPolicy;

/**
 * A URL from a link list: accepted by {@link UrlPolicy}, then normalised so that two spellings of one page are
 * seen as duplicates: scheme and host lower-cased, the default port dropped, the fragment dropped, an empty path
 * made {@code /}, and an internationalised domain name compared in punycode. The browser is sent the URL as
 * written ({@link #given()}, so a batch captures exactly what one-by-one capture would); the record keeps the
 * host in Unicode, as the investigator knows it.
 *
 * <pre>{@code
 * LinkUrl u = LinkUrl.parse("HTTPS://Bücher.example:443/café#top");
 * u.key();       // https://xn--bcher-kva.example/caf%C3%A9
 * u.display();   // https://bücher.example/caf%C3%A9
 * }</pre>
 *
 * @param given   the text as written in the list (trimmed)
 * @param request the normalised ASCII URL, which duplicates are compared by
 * @param display the same URL with an internationalised host in Unicode
 */
public record LinkUrl(String given, URI request, String display) {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);

    /** Checks and normalises {@code text}; throws {@link IllegalArgumentException} saying why it is not capturable. */
    public static LinkUrl parse(String text) {
        String given = text.strip();
        CaptureTarget target;
        try {
            target = UrlPolicy.check(given);
        } catch (RefusedUrlException e) {
            var m = SCHEME.matcher(given);
            boolean otherScheme = m.matches() && !m.group(1).equalsIgnoreCase("http") && !m.group(1).equalsIgnoreCase("https")
                    && !given.matches("(?i)[a-z0-9.-]+:\\d+.*");
            throw new IllegalArgumentException((otherScheme ? "refused scheme: " : "not a URL: ") + e.getMessage());
        }
        URI r = target.request();
        String scheme = r.getScheme().toLowerCase(Locale.ROOT);
        int port = r.getPort() == 80 && scheme.equals("http") || r.getPort() == 443 && scheme.equals("https") ? -1 : r.getPort();
        String host = r.getHost() == null ? r.getRawAuthority() : r.getHost().toLowerCase(Locale.ROOT);
        String rest = (r.getRawPath() == null || r.getRawPath().isEmpty() ? "/" : r.getRawPath())
                + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery());
        String user = r.getRawUserInfo() == null ? "" : r.getRawUserInfo() + "@";
        String portText = port < 0 ? "" : ":" + port;
        try {
            URI request = new URI(scheme + "://" + user + host + portText + rest);
            String unicode = host.startsWith("[") ? host : IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
            return new LinkUrl(given, request, scheme + "://" + user + unicode + portText + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason() + ", in \"" + given + "\"");
        }
    }

    /** The comparison key: two entries with the same key are the same page. */
    public String key() {
        return request.toString();
    }
}
