package org.exhibit.metadata.image;

import java.util.List;
import java.util.Map;

/**
 * What an image file says about itself.
 *
 * @param summary     the compact form kept in the record: make, model, lens, software, dateTimeOriginal,
 *                    dateTimeDigitized, modified, orientation, gps {lat, lon, alt}, artist, copyright,
 *                    description, keywords, creator; only keys the file has
 * @param full        every directory metadata-extractor found, {directory: {tag: description}}, plus the
 *                    XMP properties under "XMP properties": JSON-able, for the metadata file beside the record
 * @param orientation the EXIF orientation 1-8, or 0 when the file has none
 * @param warnings    directories the reader found damaged, or why nothing could be read
 */
public record ImageMetadata(Map<String, Object> summary, Map<String, Map<String, String>> full, int orientation,
                            List<String> warnings) {
    public ImageMetadata {
        summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
        warnings = List.copyOf(warnings);
    }

    /** Nothing could be read. */
    static ImageMetadata unreadable(String warning) {
        return new ImageMetadata(Map.of(), Map.of(), 0, List.of(warning));
    }
}
