package org.exhibit.capture.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Requests Chromium makes for itself (component updates, account checks, safe-browsing and optimisation
 * services), which no page asks for. Exhibit contacts only what it is told to capture, so the proxy refuses
 * these before connecting anywhere, whatever switches the browser was started with, and says so in the record.
 */
final class BrowserOwnRequests {
    /** Hosts that serve the browser, never page content. */
    private static final Set<String> HOSTS = Set.of("update.googleapis.com", "clients1.google.com",
            "clients2.google.com", "clients4.google.com", "clientservices.googleapis.com",
            "optimizationguide-pa.googleapis.com", "safebrowsing.googleapis.com", "sb-ssl.google.com",
            "content-autofill.googleapis.com", "redirector.gvt1.com", "edgedl.me.gvt1.com",
            "android.clients.google.com", "chromewebstore.googleapis.com", "componentupdater.googleapis.com",
            // Debian's Chromium fetches its default search engine's start page by itself
            "start.duckduckgo.com");
    /** Paths on hosts that also serve pages, which only the browser's account machinery requests. */
    private static final Set<String> ACCOUNT_PATHS = Set.of("/ListAccounts", "/oauth/multilogin", "/GetCheckConnectionInfo");

    private BrowserOwnRequests() {
    }

    /** Whether {@code url} is the browser's own business rather than the page's. */
    static boolean matches(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (HOSTS.contains(host)) {
            return true;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return host.equals("accounts.google.com") && ACCOUNT_PATHS.contains(path);
    }
}
