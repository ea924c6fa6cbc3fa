/**
 * Images a person could open but the page did not load whole: the largest {@code srcset} candidate of each image
 * (of {@code <img>} and of each {@code <picture><source>}) and the targets of links to image files (a lightbox's
 * full-size photo). Each is fetched through the capture's recording proxy, so it is in the WARC and among the
 * resources extracted from it, and each fetch is a step of the record.
 */
package org.exhibit.capture.images;
