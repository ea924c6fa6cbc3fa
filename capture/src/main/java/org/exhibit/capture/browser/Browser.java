package org.exhibit.capture.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Starts Debian's Chromium, headless, through the system chromedriver. Both executables are located
 * explicitly, so Selenium Manager never runs and nothing is ever downloaded.
 *
 * <pre>{@code
 * BrowserOptions options = BrowserOptions.defaults().withProxy("127.0.0.1:41234", proxy.spkiList());
 * try (BrowserSession session = Browser.start(options)) {
 *     PageResult page = new PageSteps(PageTimeouts.DEFAULT, proxy::awaitIdle).run(session, url, folder);
 * }
 * }</pre>
 */
public final class Browser {
    /**
     * Exhibit speaks to the browser only through {@code executeCdpCommand}, so Selenium's search for a
     * version-pinned DevTools module is noise; kept as fields so the settings are not garbage-collected.
     */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }

    private Browser() {
    }

    /**
     * Checks that Chromium and chromedriver are where the options say, before any work starts; throws
     * {@link BrowserUnavailableException} with a one-line hint saying what to install or set.
     */
    public static void check(BrowserOptions options) {
        requireExecutable(options.chromium(), "Chromium", BrowserOptions.CHROMIUM_ENV, "--browser");
        requireExecutable(options.chromedriver(), "chromedriver", BrowserOptions.CHROMEDRIVER_ENV, "--driver");
    }

    /** Starts a browser; throws {@link BrowserUnavailableException} with a one-line hint when it cannot. */
    public static BrowserSession start(BrowserOptions options) {
        check(options);
        Path userDataDir = options.profile();
        boolean fresh = userDataDir == null;
        try {
            if (fresh) {
                userDataDir = Files.createTempDirectory("exhibit-profile-");
            } else {
                Files.createDirectories(userDataDir);
            }
        } catch (IOException e) {
            throw new BrowserUnavailableException("cannot create a browser profile directory: " + e.getMessage(), e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(options.chromedriver().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, chromeOptions(options, userDataDir),
                    ClientConfig.defaultConfig().readTimeout(options.commandTimeout()));
            BrowserSession session = new BrowserSession(driver, service, options, userDataDir, fresh);
            session.fixViewport();
            return session;
        } catch (WebDriverException e) {
            service.stop();
            if (fresh) {
                BrowserSession.deleteProfile(userDataDir);
            }
            throw new BrowserUnavailableException("Chromium " + options.chromium() + " did not start through "
                    + options.chromedriver() + " (are they the same version? " + BrowserUnavailableException.INSTALL_HINT
                    + "): " + firstLine(e.getMessage()), e);
        }
    }

    /** The Chromium switches Exhibit uses; a Selenium Grid node gets the same ones. */
    public static List<String> arguments(BrowserOptions options, Path userDataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
                "--disable-default-apps", "--disable-domain-reliability", "--disable-breakpad",
                "--disable-client-side-phishing-detection", "--metrics-recording-only", "--mute-audio",
                "--hide-scrollbars", "--force-device-scale-factor=1",
                "--no-pings", "--no-service-autorun", "--disable-field-trial-config", "--password-store=basic",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
                        + "NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater,SpellCheck,"
                        + "PrivacySandboxSettings4,LensOverlay,DialMediaRouteProvider,"
                        // a renderer started ahead for the next tab: with a new browser context per capture it was
                        // started and ended for nothing (~7% of a capture's CPU, measured before contexts were kept)
                        + "SpareRendererForSitePerProcess",
                "--window-size=" + options.viewport().width() + "," + options.viewport().height()));
        if (userDataDir != null) {
            args.add("--user-data-dir=" + userDataDir.toAbsolutePath());
        }
        if (options.proxy() != null) {
            args.add("--proxy-server=http://" + options.proxy());
            args.add("--proxy-bypass-list=<-loopback>");
        }
        if (!options.spkiHashes().isEmpty()) {
            args.add("--ignore-certificate-errors-spki-list=" + String.join(",", options.spkiHashes()));
        }
        return args;
    }

    static ChromeOptions chromeOptions(BrowserOptions options, Path userDataDir) {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(options.chromium().toFile());
        chrome.addArguments(arguments(options, userDataDir));
        chrome.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        chrome.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // No browser sign-in: Chromium would otherwise ask Google for the profile's accounts on its own.
        chrome.setExperimentalOption("prefs", Map.of("signin.allowed", false,
                "safebrowsing.enabled", false, "search.suggest_enabled", false));
        return chrome;
    }

    private static void requireExecutable(Path path, String what, String env, String option) {
        if (!Files.isExecutable(path)) {
            throw new BrowserUnavailableException(what + " not found at " + path + "; install it with '"
                    + BrowserUnavailableException.INSTALL_HINT + "' or point " + option + " / " + env + " at it");
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
