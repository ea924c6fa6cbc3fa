package org.exhibit.capture.browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.exhibit.format.record.BrowserContext;
import org.exhibit.format.record.ConsoleMessage;
import org.exhibit.integrity.files.FileTree;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.service.DriverService;

/**
 * One running browser, or one browser context of a pooled browser. Closing a browser of its own quits it
 * (bounded), stops chromedriver, ends any browser process it left behind and deletes a fresh profile; closing
 * a pooled session detaches its recording proxy and gives the browser back to the {@link BrowserPool}, its context
 * kept for the next capture only if {@link #reuse} allowed it.
 */
public final class BrowserSession implements AutoCloseable {
    private final WebDriver driver;
    private final DriverService service;
    private final BrowserOptions options;
    private final Path userDataDir;
    private final boolean freshProfile;
    private final java.util.function.Consumer<ContextReuse> giveBack;
    private final BrowserContext context;
    private ContextReuse after = ContextReuse.UNSAID;
    private boolean givenBack;
    private final List<ConsoleMessage> console = new ArrayList<>();

    BrowserSession(WebDriver driver, DriverService service, BrowserOptions options, Path userDataDir, boolean fresh) {
        this.driver = driver;
        this.service = service;
        this.options = options;
        this.userDataDir = userDataDir;
        this.freshProfile = fresh;
        this.giveBack = null;
        this.context = null;
    }

    /**
     * A session in a pooled browser's context, prepared as {@code context} says; {@code giveBack} is told what the
     * capture allows for the context and returns the browser.
     */
    BrowserSession(WebDriver driver, BrowserOptions options, BrowserContext context,
                   java.util.function.Consumer<ContextReuse> giveBack) {
        this.driver = driver;
        this.service = null;
        this.options = options;
        this.userDataDir = null;
        this.freshProfile = false;
        this.giveBack = giveBack;
        this.context = context;
    }

    /**
     * How the browser state of this pooled session was prepared (a new context, or the kept one cleared); null
     * for a browser of its own.
     */
    public BrowserContext browserContext() {
        return context;
    }

    /**
     * What closing this pooled session does with its context: clear and keep it for the next capture, or dispose
     * of it (what it does when never told). No effect on a browser of its own.
     */
    public void reuse(ContextReuse afterClose) {
        this.after = afterClose;
    }

    public WebDriver driver() {
        return driver;
    }

    public BrowserOptions options() {
        return options;
    }

    /**
     * Makes the page area exactly the configured viewport at device scale 1: a headless window of that size
     * keeps part of it for window decorations.
     */
    void fixViewport() {
        try {
            applyViewport();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    void applyViewport() {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", options.viewport().width(),
                "height", options.viewport().height(), "deviceScaleFactor", 1, "mobile", false));
    }

    /** Runs a DevTools command through chromedriver's {@code executeCdpCommand}. */
    public Map<String, Object> cdp(String method, Map<String, Object> params) {
        return ((HasCdp) driver).executeCdpCommand(method, params);
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Browser name and version, chromedriver version and user agent. */
    public BrowserVersions versions() {
        Capabilities caps = ((HasCapabilities) driver).getCapabilities();
        String driverVersion = null;
        if (caps.getCapability("chrome") instanceof Map<?, ?> chrome && chrome.get("chromedriverVersion") != null) {
            driverVersion = "chromedriver " + chrome.get("chromedriverVersion");
        }
        Object ua = script("return navigator.userAgent");
        return new BrowserVersions(caps.getBrowserName() + " " + caps.getBrowserVersion(), driverVersion,
                ua == null ? null : ua.toString());
    }

    /** Console messages logged since the last call, added to every message seen so far, which it returns. */
    public List<ConsoleMessage> console() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(new ConsoleMessage(Instant.ofEpochMilli(e.getTimestamp()), e.getLevel().getName(),
                    e.getMessage()));
        }
        return List.copyOf(console);
    }

    @Override
    public void close() {
        if (giveBack != null) {
            if (!givenBack) {
                givenBack = true;
                giveBack.accept(after);
            }
            return;
        }
        CompletableFuture<Void> quit = CompletableFuture.runAsync(driver::quit);
        try {
            quit.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            quit.cancel(true);
        }
        if (service == null) {
            return; // a Selenium Grid session: the node ends its browser and profile
        }
        try {
            service.stop();
        } catch (RuntimeException ignored) {
            // the driver may already be gone; the leftovers are ended below
        }
        endLeftoverBrowsers();
        if (freshProfile) {
            deleteProfile(userDataDir);
        }
    }

    /** Ends browser processes this JVM started for this profile, by id, if quitting left any behind. */
    private void endLeftoverBrowsers() {
        browserProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /** The Chromium processes of this session: descendants of this JVM started with its profile. */
    java.util.stream.Stream<ProcessHandle> browserProcesses() {
        String marker = "--user-data-dir=" + userDataDir.toAbsolutePath();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    /** Deletes a fresh profile; one left in the temp dir is harmless, so a failure is ignored. */
    static void deleteProfile(Path userDataDir) {
        if (userDataDir == null) {
            return;
        }
        try {
            FileTree.delete(userDataDir);
        } catch (IOException ignored) {
            // a profile left in the temp dir is harmless; the capture itself is unaffected
        }
    }
}
