package org.exhibit.capture.browser;

/**
 * A frame of the page whose DOM was kept.
 *
 * @param file the file in the capture folder, {@code frames/NN.html}
 * @param url  the frame's URL as the browser showed it
 */
public record PageFrame(String file, String url) {
}
