package org.exhibit.metadata.pdq;

import java.util.List;

/**
 * An image file decoded for hashing.
 *
 * @param luma        the luminance, upright (EXIF orientation applied), possibly subsampled
 * @param width       width the file declares, in pixels
 * @param height      height the file declares, in pixels
 * @param subsampling every n-th pixel of each row and column was decoded (1: all of them)
 * @param format      the decoder's format name, e.g. "jpeg", "png", "gif", "webp"
 * @param warnings    what was unusual: truncated data, a large image hashed from a subsample, CMYK ...
 */
public record DecodedImage(Luma luma, int width, int height, int subsampling, String format, List<String> warnings) {
    public DecodedImage {
        warnings = List.copyOf(warnings);
    }
}
