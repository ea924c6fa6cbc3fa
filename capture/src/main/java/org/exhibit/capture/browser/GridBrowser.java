package org.exhibit.capture.browser;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Starts Chromium on a Selenium Grid 4 node instead of locally, with the same switches as {@link Browser}. The node
 * picks its own Chromium (its driver configuration names the binary) and a fresh profile for the session; the
 * driver is augmented so that {@code executeCdpCommand} reaches the node's chromedriver through the Grid
 * ({@code POST /session/{id}/goog/cdp/execute}). The browser must be able to reach the recording proxy:
 * {@link BrowserOptions#proxy()} then names an address the nodes can connect to.
 *
 * <pre>{@code
 * try (BrowserSession s = GridBrowser.start(URI.create("http://grid.office:4444"), options.withProxy("10.0.0.5:41234", spki))) {
 *     new PageSteps(PageTimeouts.DEFAULT, proxy::awaitIdle).run(s, url, folder);
 * }
 * }</pre>
 */
public final class GridBrowser {
    /** Augmenting logs a line per session about DevTools, which Exhibit does not use; kept so it stays quiet. */
    private static final java.util.logging.Logger AUGMENT_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.DevToolsProvider");

    static {
        AUGMENT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private GridBrowser() {
    }

    /** Opens a session on the Grid at {@code grid}; throws {@link BrowserUnavailableException} saying why it could not. */
    public static BrowserSession start(URI grid, BrowserOptions options) {
        URL address;
        try {
            address = grid.toURL();
        } catch (Exception e) {
            throw new BrowserUnavailableException("expected a Selenium Grid URL like http://host:4444, got " + grid, e);
        }
        ChromeOptions chrome = new ChromeOptions();
        chrome.addArguments(Browser.arguments(options, null));
        chrome.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        chrome.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        WebDriver driver;
        try {
            RemoteWebDriver remote = (RemoteWebDriver) RemoteWebDriver.builder().oneOf(chrome)
                    .config(ClientConfig.defaultConfig().baseUrl(address).readTimeout(options.commandTimeout()))
                    .build();
            driver = new Augmenter().augment(remote);
        } catch (WebDriverException | IllegalArgumentException e) {
            throw new BrowserUnavailableException("the Selenium Grid at " + grid + " gave no Chromium session: "
                    + Browser.firstLine(e.getMessage()), e);
        }
        BrowserSession session = new BrowserSession(driver, null, options, null, false);
        session.fixViewport();
        return session;
    }
}
