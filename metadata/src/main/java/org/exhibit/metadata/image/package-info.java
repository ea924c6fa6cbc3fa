/** EXIF, GPS, XMP and IPTC metadata of images, read with metadata-extractor. */
package org.exhibit.metadata.image;
