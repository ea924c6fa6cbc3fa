package org.exhibit.capture.browser;

/**
 * What rendered the page.
 *
 * @param browser   e.g. "chrome 156.0.8078.79"
 * @param driver    e.g. "chromedriver 156.0.8078.79 (a21ce95c...)"
 * @param userAgent the User-Agent the page saw
 */
public record BrowserVersions(String browser, String driver, String userAgent) {
}
