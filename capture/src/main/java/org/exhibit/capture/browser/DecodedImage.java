package org.exhibit.capture.browser;

/**
 * An image the page made in its own memory and showed, saved from the page's state rather than from the network:
 * a {@code blob:} image or a canvas.
 *
 * @param file the file in the capture folder, {@code decoded/<sha256>.<ext>}
 * @param url  the {@code blob:} URL the image was shown from, or the canvas as {@code canvas#id} or
 *             {@code canvas[n]} (the n-th canvas of the document, from 1, in document order)
 */
public record DecodedImage(String file, String url) {
}
