package org.exhibit.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.exhibit.capture.browser.ContextReuse;
import org.exhibit.capture.browser.PageResult;
import org.exhibit.capture.proxy.Exchange;

/**
 * Whether the browser context a capture ran in may be cleared and reused by the next capture, from what the
 * recording proxy saw and how the page steps ended. Not when the capture failed or a step did not end as it
 * should (never reuse on doubt), nor when state that DevTools cannot clear may be left: an HTTP authentication
 * (a 401 or 407 answer, or a request that carried credentials: the browser's authentication cache) or a
 * {@code Strict-Transport-Security} answer (the browser's HSTS list). Else every origin the capture reached is
 * cleared.
 */
final class ReuseVerdict {
    private ReuseVerdict() {
    }

    static ContextReuse of(List<Exchange> exchanges, PageResult page) {
        if (page == null || page.failure() != null) {
            return ContextReuse.dispose("the capture before failed");
        }
        if (!page.complete()) {
            return ContextReuse.dispose("a page step of the capture before did not end as it should");
        }
        return traffic(exchanges);
    }

    /** The verdict from the traffic alone: what the browser may keep that DevTools cannot clear, else the origins. */
    static ContextReuse traffic(List<Exchange> exchanges) {
        Set<String> origins = new TreeSet<>();
        Set<String> sites = new TreeSet<>();
        for (Exchange x : exchanges) {
            if (x.status() == 401 || x.status() == 407 || x.requestHeader("authorization").isPresent()
                    || x.requestHeader("proxy-authorization").isPresent()) {
                return ContextReuse.dispose("the capture before used HTTP authentication (the browser's authentication "
                        + "cache cannot be cleared)");
            }
            if (x.responseHeader("strict-transport-security").isPresent()) {
                return ContextReuse.dispose("the capture before received Strict-Transport-Security (the browser's "
                        + "HSTS list cannot be cleared)");
            }
            String origin = origin(x.uri());
            if (origin == null) {
                return ContextReuse.dispose("the capture before requested " + x.uri() + ", whose origin is unclear");
            }
            origins.add(origin);
            if (document(x)) {
                sites.addAll(sites(URI.create(x.uri())));
            }
        }
        return ContextReuse.clear(origins, sites);
    }

    /**
     * The candidates for the site of a top-level document at {@code u}: {@code scheme://host} and each parent
     * domain of two labels or more (its registrable domain is one of them; an IP address is its own site).
     */
    static List<String> sites(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        out.add(scheme + "://" + host);
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            return out;
        }
        for (int dot = host.indexOf('.'); dot >= 0 && host.indexOf('.', dot + 1) >= 0; dot = host.indexOf('.', dot + 1)) {
            out.add(scheme + "://" + host.substring(dot + 1));
        }
        return out;
    }

    /**
     * A top-level document's request: {@code Sec-Fetch-Dest: document}, or, where the browser sends no fetch
     * metadata (plain HTTP), any navigation ({@code Upgrade-Insecure-Requests}, frames included).
     */
    private static boolean document(Exchange x) {
        Optional<String> dest = x.requestHeader("sec-fetch-dest");
        return dest.isPresent() ? dest.get().equals("document") : x.requestHeader("upgrade-insecure-requests").isPresent();
    }

    /** {@code scheme://host[:port]}, the port only when not the scheme's default; null when not an http(s) URL. */
    static String origin(String uri) {
        try {
            URI u = URI.create(uri);
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (u.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = u.getPort();
            boolean usual = port == -1 || port == ("http".equals(scheme) ? 80 : 443);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
