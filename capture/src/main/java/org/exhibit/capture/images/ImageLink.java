package org.exhibit.capture.images;

/**
 * An image the page offers but did not load whole.
 *
 * @param url the image's URL, without fragment
 * @param why why Exhibit fetches it: "largest srcset candidate (1600w) of an image showing <url>", "linked image"
 */
public record ImageLink(String url, String why) {
}
