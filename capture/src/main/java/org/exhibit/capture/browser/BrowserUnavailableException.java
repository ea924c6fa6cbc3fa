package org.exhibit.capture.browser;

/** Chromium or chromedriver is missing or would not start; the message says what to install or set. */
public final class BrowserUnavailableException extends RuntimeException {
    public static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
