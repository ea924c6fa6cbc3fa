package org.exhibit.capture.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.exhibit.format.record.BrowserContext;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * A browser of a {@link BrowserPool}: started once, then lent to one capture at a time, in a browser context
 * (Chromium's off-the-record profile) and tab kept for up to {@link #CAPTURES_PER_CONTEXT} captures. The context's
 * proxy is this browser's {@link ProxyRelay}, attached to the current capture's recording proxy while it runs.
 * Before a capture in the kept context, what the one before may have left is cleared through DevTools (see
 * {@link #clear}); when the capture before did not allow reuse ({@link ContextReuse}), when a clearing command
 * fails or after {@link #CAPTURES_PER_CONTEXT} captures, the context is disposed of and the capture gets a new one.
 */
final class WarmBrowser {
    /** Captures one browser context serves before a new one is made. */
    static final int CAPTURES_PER_CONTEXT = 20;
    private static final Duration CDP_TIMEOUT = Duration.ofSeconds(15);
    private final BrowserSession browser;
    private final Connection cdp;
    private final String home;
    private final ProxyRelay relay;
    private String context;
    private String tab;
    private int contextUses;
    private ContextReuse left;
    private String disposedBecause;
    private int uses;
    private volatile boolean broken;

    private WarmBrowser(BrowserSession browser, Connection cdp, String home, ProxyRelay relay) {
        this.browser = browser;
        this.cdp = cdp;
        this.home = home;
        this.relay = relay;
    }

    /** Starts a browser with {@code options} (their proxy is the browser's own, refusing one). */
    static WarmBrowser launch(BrowserOptions options) {
        BrowserSession session = Browser.start(options);
        try {
            Object ws = ((HasCapabilities) session.driver()).getCapabilities().getCapability("se:cdp");
            if (ws == null) {
                throw new BrowserUnavailableException("chromedriver gave no DevTools address (se:cdp) for the browser");
            }
            HttpClient http = HttpClient.Factory.createDefault()
                    .createClient(ClientConfig.defaultConfig().baseUri(URI.create(ws.toString())));
            return new WarmBrowser(session, new Connection(http, ws.toString()), session.driver().getWindowHandle(),
                    ProxyRelay.start());
        } catch (IOException e) {
            session.close();
            throw new BrowserUnavailableException("no loopback port for the browser's proxy relay: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens the tab of this browser's context, cleared or new, with its requests going through the proxy at
     * {@code proxy} (loopback included); closing the session detaches the proxy and hands this browser to
     * {@code release}.
     */
    BrowserSession open(InetSocketAddress proxy, Consumer<WarmBrowser> release) {
        uses++;
        Instant preparedAt = Instant.now();
        BrowserContext prepared = null;
        String freshBecause = disposedBecause;
        disposedBecause = null;
        if (context != null) {
            freshBecause = left == null ? ContextReuse.UNSAID.disposeBecause()
                    : !left.reusable() ? left.disposeBecause()
                    : contextUses >= CAPTURES_PER_CONTEXT ? "a context serves at most " + CAPTURES_PER_CONTEXT + " captures"
                    : null;
            if (freshBecause == null) {
                try {
                    prepared = new BrowserContext(BrowserContext.REUSED_CLEARED, contextUses, preparedAt, clear(left),
                            null);
                } catch (RuntimeException e) {
                    freshBecause = "clearing the kept context failed: " + Browser.firstLine(e.getMessage());
                }
            }
            if (prepared == null) {
                dispose();
            }
        }
        left = null;
        WebDriver driver = browser.driver();
        try {
            if (prepared == null) {
                create();
                prepared = new BrowserContext(BrowserContext.FRESH, 0, preparedAt, List.of(), freshBecause);
            }
            contextUses++;
            driver.manage().logs().get(LogType.BROWSER);       // drops what earlier captures left unread
            BrowserSession session = new BrowserSession(driver, browser.options(), prepared, after -> {
                relay.detach();
                left = after;
                if (!after.reusable()) {
                    dispose();
                    disposedBecause = after.disposeBecause();
                }
                release.accept(this);
            });
            session.applyViewport();
            relay.attach(proxy);
            return session;
        } catch (RuntimeException e) {
            relay.detach();
            dispose();
            broken = true;
            throw e;
        }
    }

    /** A new context whose proxy is the relay, and a tab in it, which the driver is switched to. */
    private void create() {
        context = (String) send("Target.createBrowserContext", Map.of("proxyServer", "http://" + relay.address(),
                "proxyBypassList", "<-loopback>", "disposeOnDetach", false)).get("browserContextId");
        contextUses = 0;
        Viewport v = browser.options().viewport();
        tab = (String) send("Target.createTarget", Map.of("url", "about:blank", "browserContextId", context,
                "width", v.width(), "height", v.height())).get("targetId");
        browser.driver().switchTo().window(tab);
    }

    /**
     * Clears the kept context of what a capture may have left, the proxy detached: other tabs the page opened
     * closed, the tab sent to about:blank with its {@code window.name} emptied and its history reset, the
     * context's cookies and HTTP cache cleared, every storage type (local and session storage, IndexedDB, Cache
     * Storage, service workers, ...) of each origin touched cleared, permissions reset; then no cookie may be left.
     * Returns each command done; throws when one fails.
     */
    private List<String> clear(ContextReuse after) {
        List<String> done = new ArrayList<>();
        WebDriver driver = browser.driver();
        driver.switchTo().window(tab);
        Object infos = send("Target.getTargets", Map.of()).get("targetInfos");
        if (infos instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> t && context.equals(t.get("browserContextId")) && !tab.equals(t.get("targetId"))
                        && "page".equals(t.get("type"))) {
                    send("Target.closeTarget", Map.of("targetId", t.get("targetId")));
                    done.add("Target.closeTarget " + t.get("url"));
                }
            }
        }
        driver.get("about:blank");
        done.add("navigate about:blank");
        browser.script("window.name = ''");
        done.add("window.name = ''");
        browser.cdp("Page.resetNavigationHistory", Map.of());
        done.add("Page.resetNavigationHistory");
        send("Storage.clearCookies", Map.of("browserContextId", context));
        done.add("Storage.clearCookies");
        browser.cdp("Network.clearBrowserCache", Map.of());
        done.add("Network.clearBrowserCache");
        for (String origin : new TreeSet<>(after.origins())) {
            browser.cdp("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            done.add("Storage.clearDataForOrigin " + origin);
            for (String key : partitionedKeys(origin, after.topLevelSites())) {
                browser.cdp("Storage.clearDataForStorageKey", Map.of("storageKey", key, "storageTypes", "all"));
                done.add("Storage.clearDataForStorageKey " + key);
            }
        }
        send("Browser.resetPermissions", Map.of("browserContextId", context));
        done.add("Browser.resetPermissions");
        Object cookies = send("Storage.getCookies", Map.of("browserContextId", context)).get("cookies");
        if (cookies instanceof List<?> c && !c.isEmpty()) {
            throw new IllegalStateException(c.size() + " cookies were left after Storage.clearCookies");
        }
        return done;
    }

    /**
     * The storage keys under which {@code origin}'s storage in a frame is partitioned: under each other top-level
     * site ({@code origin/^0site}), and under its own site below a cross-site frame ({@code origin/^31}).
     */
    static List<String> partitionedKeys(String origin, java.util.Set<String> topLevelSites) {
        List<String> keys = new ArrayList<>();
        keys.add(origin + "/^31");
        URI o = URI.create(origin);
        for (String site : new TreeSet<>(topLevelSites)) {
            URI t = URI.create(site);
            boolean sameSite = o.getScheme().equals(t.getScheme())
                    && (o.getHost().equals(t.getHost()) || o.getHost().endsWith("." + t.getHost()));
            if (!sameSite) {
                keys.add(origin + "/^0" + site);
            }
        }
        return keys;
    }

    /** Disposes of the kept context, if any, and every tab in it; a failure retires this browser. */
    private void dispose() {
        if (context == null) {
            return;
        }
        String gone = context;
        context = null;
        tab = null;
        try {
            browser.driver().switchTo().window(home);
            send("Target.disposeBrowserContext", Map.of("browserContextId", gone));
        } catch (RuntimeException e) {
            broken = true;                                      // the pool retires this browser
        }
    }

    /** A DevTools command on the browser-level connection (not a tab's). */
    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, Map<String, Object> params) {
        Map<String, Object> result = cdp.sendAndWait(null, new Command<Map<String, Object>>(method, params, Map.class),
                CDP_TIMEOUT);
        return result == null ? Map.of() : result;
    }

    int uses() {
        return uses;
    }

    boolean broken() {
        return broken;
    }

    /** Quits the browser (bounded) and ends what it left behind. */
    void quit() {
        relay.close();
        try {
            cdp.close();
        } catch (RuntimeException ignored) {
            // the browser is going anyway
        }
        browser.close();
    }
}
