package org.exhibit.capture.browser;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * A browser of a {@link BrowserPool}: started once, then lent to one capture at a time. Each capture gets a
 * new browser context (Chromium's off-the-record profile: its own cookies, storage and cache, nothing shared
 * with the captures before it) whose traffic goes through that capture's recording proxy; ending the capture
 * disposes of the context and every tab in it.
 */
final class WarmBrowser {
    private static final Duration CDP_TIMEOUT = Duration.ofSeconds(15);
    private final BrowserSession browser;
    private final Connection cdp;
    private final String home;
    private int uses;
    private volatile boolean broken;

    private WarmBrowser(BrowserSession browser, Connection cdp, String home) {
        this.browser = browser;
        this.cdp = cdp;
        this.home = home;
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
            return new WarmBrowser(session, new Connection(http, ws.toString()), session.driver().getWindowHandle());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens a tab in a new browser context whose requests go through the proxy at {@code proxy}
     * ({@code host:port}, loopback included); closing the session disposes of the context and hands this
     * browser to {@code release}.
     */
    BrowserSession open(String proxy, java.util.function.Consumer<WarmBrowser> release) {
        uses++;
        String context = (String) send("Target.createBrowserContext", Map.of("proxyServer", "http://" + proxy,
                "proxyBypassList", "<-loopback>", "disposeOnDetach", false)).get("browserContextId");
        WebDriver driver = browser.driver();
        try {
            Viewport v = browser.options().viewport();
            String target = (String) send("Target.createTarget", Map.of("url", "about:blank", "browserContextId", context,
                    "width", v.width(), "height", v.height())).get("targetId");
            driver.switchTo().window(target);
            driver.manage().logs().get(LogType.BROWSER);       // drops what earlier captures left unread
            BrowserSession session = new BrowserSession(driver, browser.options(), () -> {
                end(context);
                release.accept(this);
            });
            session.applyViewport();
            return session;
        } catch (RuntimeException e) {
            end(context);
            broken = true;
            throw e;
        }
    }

    private void end(String context) {
        try {
            browser.driver().switchTo().window(home);
            send("Target.disposeBrowserContext", Map.of("browserContextId", context));
        } catch (RuntimeException e) {
            broken = true;                                      // the pool retires this browser
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String method, Map<String, Object> params) {
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
        try {
            cdp.close();
        } catch (RuntimeException ignored) {
            // the browser is going anyway
        }
        browser.close();
    }
}
