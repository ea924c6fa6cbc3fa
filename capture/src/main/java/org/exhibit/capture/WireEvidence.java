package org.exhibit.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibit.capture.CaptureRecord.Header;
import org.exhibit.capture.CaptureRecord.HostAddress;
import org.exhibit.capture.CaptureRecord.MainDocument;
import org.exhibit.capture.CaptureRecord.Redirect;
import org.exhibit.capture.proxy.Exchange;
import org.exhibit.capture.proxy.OriginInfo;

/**
 * What the recording proxy saw that goes into {@code capture.json}: the redirect chain from the requested URL
 * to the document, that document's answer, the TLS chains and IP addresses, and what never completed.
 *
 * @param redirectChain each 3xx answer followed, in order
 * @param mainDocument  the answer that ended the chain, or null if none was seen
 * @param mainFailed    why the document itself could not be fetched (unreachable, cut off), or null
 * @param tls           origins reached over TLS
 * @param hosts         each host contacted with its IP
 * @param warnings      requests that never completed or failed, and the proxy's own notes
 * @param incomplete    how many requests never completed
 */
record WireEvidence(List<Redirect> redirectChain, MainDocument mainDocument, String mainFailed, List<OriginInfo> tls,
                    List<HostAddress> hosts, List<String> warnings, int incomplete) {
    private static final int MAX_HOPS = 30;

    static WireEvidence of(URI requested, List<Exchange> exchanges, Map<String, OriginInfo> origins, List<String> notes) {
        List<Redirect> chain = new ArrayList<>();
        Exchange main = null;
        String url = withoutFragment(requested.toASCIIString());
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Exchange ex = find(exchanges, url);
            if (ex == null) {
                break;
            }
            main = ex;
            String location = ex.responseHeader("Location").orElse(null);
            if (ex.status() < 300 || ex.status() > 399 || location == null) {
                break;
            }
            chain.add(new Redirect(ex.uri(), ex.status(), location));
            url = withoutFragment(URI.create(ex.uri()).resolve(location.trim()).toASCIIString());
        }
        MainDocument doc = main == null || main.status() == 0 ? null : new MainDocument(main.uri(), main.status(), headers(main));
        String mainFailed = main == null ? "the browser never requested " + url
                : main.outcome() == Exchange.Outcome.FAILED ? main.uri() + ": " + main.reason()
                : main.status() == 0 ? main.uri() + ": no answer (" + main.reason() + ")" : null;
        List<String> warnings = new ArrayList<>();
        int incomplete = 0;
        for (Exchange ex : exchanges) {
            if (ex.outcome() == Exchange.Outcome.INCOMPLETE || ex.outcome() == Exchange.Outcome.IN_FLIGHT) {
                incomplete++;
                warnings.add("never completed: " + ex.method() + " " + ex.uri() + (ex.reason() == null ? "" : " (" + ex.reason() + ")"));
            } else if (Exchange.BROWSER_OWN.equals(ex.reason())) {
                warnings.add("refused, never sent (the browser's own request, not the page's): " + ex.method() + " " + ex.uri());
            } else if (ex.outcome() == Exchange.Outcome.FAILED) {
                warnings.add("failed: " + ex.method() + " " + ex.uri() + (ex.reason() == null ? "" : " (" + ex.reason() + ")"));
            }
        }
        warnings.addAll(notes);
        Map<String, String> hosts = new LinkedHashMap<>();
        List<OriginInfo> tls = new ArrayList<>();
        for (OriginInfo o : origins.values().stream().sorted(java.util.Comparator.comparing(OriginInfo::origin)).toList()) {
            String host = URI.create(o.origin()).getHost();
            if (o.ip() != null) {
                hosts.putIfAbsent(host, o.ip());
            }
            if (!o.chain().isEmpty()) {
                tls.add(o);
            }
        }
        List<HostAddress> hostList = hosts.entrySet().stream().map(e -> new HostAddress(e.getKey(), e.getValue())).toList();
        return new WireEvidence(chain, doc, mainFailed, tls, hostList, warnings, incomplete);
    }

    private static Exchange find(List<Exchange> exchanges, String url) {
        String want = normal(url);
        for (Exchange ex : exchanges) {
            if (ex.method().equals("GET") && normal(ex.uri()).equals(want)) {
                return ex;
            }
        }
        return null;
    }

    private static List<Header> headers(Exchange ex) {
        List<Header> out = new ArrayList<>();
        ex.responseHeaders().forEach((name, values) -> values.forEach(v -> out.add(new Header(name, v))));
        return out;
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Scheme and host lower-case, default port and fragment dropped, empty path as "/". */
    static String normal(String url) {
        try {
            URI u = URI.create(withoutFragment(url));
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() == (scheme.equals("https") ? 443 : 80) ? -1 : u.getPort();
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (RuntimeException e) {
            return url;
        }
    }
}
