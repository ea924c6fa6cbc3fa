package org.exhibit.capture;

import java.nio.file.Path;
import java.time.Duration;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.browser.Viewport;
import org.exhibit.capture.interact.Interactions;
import org.exhibit.capture.video.VideoOptions;
import org.exhibit.integrity.timestamp.Timestamper;

/**
 * How to capture: the browser to use and how, the step bounds, the address the browser reaches the recording
 * proxy at, and the TSAs to stamp records with.
 *
 * @param browser        Chromium, chromedriver, profile and window size (its proxy is set per capture)
 * @param timeouts       the page steps' bounds
 * @param proxyHost      the address the browser uses to reach the recording proxy; 127.0.0.1 unless the
 *                       browser runs elsewhere
 * @param timestamper    the TSAs that stamp each {@code capture.json}; null leaves the stamp pending
 * @param exhibitVersion written into each record's environment
 * @param grid           a Selenium Grid 4 to run the browsers on, or null to run them here; the recording proxy
 *                       then listens on {@code proxyHost}, which the Grid nodes must be able to reach
 * @param videos         how far keeping the page's videos may go (bytes, time, a live stream's duration)
 * @param interactions   what the page may have clicked: consent banners, age gates (or not), "load more" controls
 */
public record CaptureOptions(BrowserOptions browser, PageTimeouts timeouts, String proxyHost, Timestamper timestamper,
                             String exhibitVersion, java.net.URI grid, VideoOptions videos,
                             Interactions interactions) {
    public CaptureOptions {
        browser = browser == null ? BrowserOptions.defaults() : browser;
        timeouts = timeouts == null ? PageTimeouts.DEFAULT : timeouts;
        proxyHost = proxyHost == null || proxyHost.isBlank() ? "127.0.0.1" : proxyHost;
        exhibitVersion = exhibitVersion == null ? defaultVersion() : exhibitVersion;
        videos = videos == null ? VideoOptions.DEFAULT : videos;
        interactions = interactions == null ? Interactions.DEFAULT : interactions;
    }

    public CaptureOptions withVideos(VideoOptions v) {
        return new CaptureOptions(browser, timeouts, proxyHost, timestamper, exhibitVersion, grid, v, interactions);
    }

    /** Debian's Chromium (or {@code EXHIBIT_CHROMIUM}), default bounds, no TSA. */
    public static CaptureOptions defaults() {
        return new CaptureOptions(null, null, null, null, null, null, null, null);
    }

    public CaptureOptions withInteractions(Interactions i) {
        return new CaptureOptions(browser, timeouts, proxyHost, timestamper, exhibitVersion, grid, videos, i);
    }

    public CaptureOptions withBrowser(BrowserOptions b) {
        return new CaptureOptions(b, timeouts, proxyHost, timestamper, exhibitVersion, grid, videos, interactions);
    }

    public CaptureOptions withChromium(Path chromium, Path chromedriver) {
        return withBrowser(browser.withChromium(chromium).withChromedriver(chromedriver));
    }

    public CaptureOptions withProfile(Path profile) {
        return withBrowser(browser.withProfile(profile));
    }

    public CaptureOptions withViewport(Viewport viewport) {
        return withBrowser(browser.withViewport(viewport));
    }

    public CaptureOptions withTimeouts(PageTimeouts t) {
        return new CaptureOptions(browser, t, proxyHost, timestamper, exhibitVersion, grid, videos, interactions);
    }

    /** Sets the page-load timeout, the one a user most often needs to change. */
    public CaptureOptions withNavigateTimeout(Duration navigate) {
        return withTimeouts(timeouts.withNavigate(navigate));
    }

    public CaptureOptions withProxyHost(String host) {
        return new CaptureOptions(browser, timeouts, host, timestamper, exhibitVersion, grid, videos, interactions);
    }

    public CaptureOptions withTimestamper(Timestamper t) {
        return new CaptureOptions(browser, timeouts, proxyHost, t, exhibitVersion, grid, videos, interactions);
    }

    public CaptureOptions withExhibitVersion(String version) {
        return new CaptureOptions(browser, timeouts, proxyHost, timestamper, version, grid, videos, interactions);
    }

    /** Runs the browsers on the Selenium Grid at {@code url}; null runs them on this machine. */
    public CaptureOptions withGrid(java.net.URI url) {
        return new CaptureOptions(browser, timeouts, proxyHost, timestamper, exhibitVersion, url, videos, interactions);
    }

    private static String defaultVersion() {
        String v = CaptureOptions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
