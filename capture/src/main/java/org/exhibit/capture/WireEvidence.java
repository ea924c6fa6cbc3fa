package org.exhibit.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhibit.capture.proxy.Exchange;
import org.exhibit.format.record.CaptureRecord.Header;
import org.exhibit.format.record.CaptureRecord.HostAddress;
import org.exhibit.format.record.CaptureRecord.MainDocument;
import org.exhibit.format.record.CaptureRecord.Redirect;
import org.exhibit.format.record.OriginInfo;

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
    /** The most redirects followed, as Chromium follows at most 20 before it gives up. */
    static final int MAX_REDIRECTS = 20;

    static WireEvidence of(URI requested, List<Exchange> exchanges, Map<String, OriginInfo> origins, List<String> notes) {
        List<Redirect> chain = new ArrayList<>();
        Exchange main = null;
        String url = withoutFragment(requested.toASCIIString());
        // each hop takes the first request for its URL not already taken, so that a URL asked twice (a login
        // round trip that sets a cookie) counts as two hops, and a URL that redirects to itself as many
        Set<Exchange> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> visited = new HashSet<>();
        String loop = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Exchange ex = find(exchanges, url, taken);
            if (ex == null) {
                break;
            }
            taken.add(ex);
            main = ex;
            String location = redirect(ex);
            if (location == null) {
                break;
            }
            chain.add(new Redirect(ex.uri(), ex.status(), location));
            visited.add(normal(ex.uri()));
            url = withoutFragment(URI.create(ex.uri()).resolve(location.trim()).toASCIIString());
            if (loop == null && visited.contains(normal(url))) {
                loop = url;
            }
        }
        MainDocument doc = main == null || main.status() == 0 ? null : new MainDocument(main.uri(), main.status(), headers(main));
        String mainFailed = main == null ? "the browser never requested " + url
                : main.outcome() == Exchange.Outcome.FAILED ? main.uri() + ": " + main.reason()
                : main.status() == 0 ? main.uri() + ": no answer (" + main.reason() + ")"
                : redirect(main) != null ? unfinished(chain, loop) : null;
        List<String> warnings = new ArrayList<>();
        for (String hop : hops(chain, main)) {
            OriginInfo o = origins.get(origin(hop));
            if (o != null) {
                o.warnings().forEach(w -> warnings.add("TLS of the page's own " + o.origin() + ": " + w));
            }
        }
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

    private static Exchange find(List<Exchange> exchanges, String url, Set<Exchange> taken) {
        String want = normal(url);
        for (Exchange ex : exchanges) {
            if (ex.method().equals("GET") && !taken.contains(ex) && normal(ex.uri()).equals(want)) {
                return ex;
            }
        }
        return null;
    }

    /** Where a 3xx answer with a Location sends the browser, or null for any other answer. */
    private static String redirect(Exchange ex) {
        String location = ex.responseHeader("Location").orElse(null);
        return ex.status() < 300 || ex.status() > 399 || location == null ? null : location;
    }

    /** Why a chain that ends on a redirect got no document: a loop, or more hops than the bound. */
    private static String unfinished(List<Redirect> chain, String loop) {
        Redirect last = chain.get(chain.size() - 1);
        String why = loop != null ? "a redirect loop: " + loop + " redirects back to itself"
                : chain.size() > MAX_REDIRECTS ? "more than " + MAX_REDIRECTS + " redirects"
                : "the redirect chain never reached a document";
        return why + " (" + chain.size() + " redirects recorded, the last " + last.url() + " -> " + last.location()
                + ")";
    }

    /** The URLs the page's own document came through: every redirect and the document itself, without repeats. */
    private static Set<String> hops(List<Redirect> chain, Exchange main) {
        Set<String> out = new LinkedHashSet<>();
        chain.forEach(r -> out.add(r.url()));
        if (main != null) {
            out.add(main.uri());
        }
        return out;
    }

    /** The proxy's name for a URL's origin: {@code scheme://host:port}. */
    static String origin(String url) {
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() < 0 ? (scheme.equals("https") ? 443 : 80) : u.getPort();
            String host = u.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + ":" + port;
        } catch (RuntimeException e) {
            return url;
        }
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
