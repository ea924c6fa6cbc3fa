/** Driving Debian's Chromium through the system chromedriver, and the bounded page steps of a capture. */
package org.exhibit.capture.browser;
