package org.exhibit.capture.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start the browser for one capture.
 *
 * @param chromium       the Chromium executable
 * @param chromedriver   the chromedriver executable matching it
 * @param profile        a user-data directory to use as is (an investigator's logged-in profile), or null for a
 *                       fresh one made for this capture and deleted after it
 * @param viewport       window size
 * @param proxy          {@code host:port} of the recording proxy, or null to connect directly
 * @param spkiHashes     base64 SHA-256 SPKI hashes the browser trusts for TLS (the recording proxy's CA), never
 *                       installed anywhere else
 * @param commandTimeout the longest one WebDriver command may take before the session counts as hung
 */
public record BrowserOptions(Path chromium, Path chromedriver, Path profile, Viewport viewport, String proxy,
                             List<String> spkiHashes, Duration commandTimeout) {
    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String CHROMIUM_ENV = "EXHIBIT_CHROMIUM";
    public static final String CHROMEDRIVER_ENV = "EXHIBIT_CHROMEDRIVER";

    public BrowserOptions {
        viewport = viewport == null ? Viewport.DEFAULT : viewport;
        spkiHashes = spkiHashes == null ? List.of() : List.copyOf(spkiHashes);
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(60) : commandTimeout;
        if (chromium == null || chromedriver == null) {
            throw new IllegalArgumentException("expected paths to chromium and chromedriver, got "
                    + chromium + " and " + chromedriver);
        }
    }

    /** Debian's paths, or {@code EXHIBIT_CHROMIUM}/{@code EXHIBIT_CHROMEDRIVER} when set. */
    public static BrowserOptions defaults() {
        return defaults(System.getenv());
    }

    static BrowserOptions defaults(Map<String, String> env) {
        return new BrowserOptions(pathOr(env.get(CHROMIUM_ENV), DEBIAN_CHROMIUM),
                pathOr(env.get(CHROMEDRIVER_ENV), DEBIAN_CHROMEDRIVER), null, Viewport.DEFAULT, null, List.of(), null);
    }

    public BrowserOptions withChromium(Path path) {
        return path == null ? this : new BrowserOptions(path, chromedriver, profile, viewport, proxy, spkiHashes, commandTimeout);
    }

    public BrowserOptions withChromedriver(Path path) {
        return path == null ? this : new BrowserOptions(chromium, path, profile, viewport, proxy, spkiHashes, commandTimeout);
    }

    public BrowserOptions withProfile(Path dir) {
        return new BrowserOptions(chromium, chromedriver, dir, viewport, proxy, spkiHashes, commandTimeout);
    }

    public BrowserOptions withViewport(Viewport size) {
        return new BrowserOptions(chromium, chromedriver, profile, size, proxy, spkiHashes, commandTimeout);
    }

    /** Routes every request, loopback included, through the proxy at {@code hostPort}, trusting its CA. */
    public BrowserOptions withProxy(String hostPort, List<String> spki) {
        return new BrowserOptions(chromium, chromedriver, profile, viewport, hostPort, spki, commandTimeout);
    }

    public BrowserOptions withCommandTimeout(Duration timeout) {
        return new BrowserOptions(chromium, chromedriver, profile, viewport, proxy, spkiHashes, timeout);
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value.trim());
    }
}
