package org.exhibit.metadata.pdq;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * What a JPEG's own markers declare about its colour layout, read from the bytes up to the first scan. The
 * JDK's metadata tree is no help here: it refuses a four-component file that also carries a JFIF APP0 marker
 * ("Inconsistent metadata read from stream"), and the decoder then quietly treats the CMYK data as if
 * it were sRGB.
 *
 * @param components     colour components in the frame header (SOF0, SOF1 or SOF2), 0 when none was found
 * @param adobeTransform the Adobe APP14 transform byte (0 CMYK or RGB, 1 YCbCr, 2 YCCK), -1 without that marker
 */
record JpegMarkers(int components, int adobeTransform) {
    private static final JpegMarkers UNKNOWN = new JpegMarkers(0, -1);

    /** Reads the markers from the start of {@code in} and puts the stream back where it was. */
    static JpegMarkers read(ImageInputStream in) throws IOException {
        in.mark();
        try {
            return scan(in);
        } catch (EOFException e) {
            return UNKNOWN; // a file cut off in its header: the decoder says so in its own words
        } finally {
            in.reset();
        }
    }

    private static JpegMarkers scan(ImageInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            return UNKNOWN;
        }
        int components = 0;
        int transform = -1;
        while (true) {
            if (in.readUnsignedByte() != 0xFF) {
                return UNKNOWN; // not at a marker: leave judging the file to the decoder
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes may pad a marker
                marker = in.readUnsignedByte();
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image
                return new JpegMarkers(components, transform);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            int length = in.readUnsignedShort() - 2;
            if (length < 0) {
                return UNKNOWN;
            }
            byte[] data = new byte[length];
            in.readFully(data);
            if (marker >= 0xC0 && marker <= 0xC2 && length >= 6) {
                components = data[5] & 0xFF; // precision, height (2), width (2), component count
            } else if (marker == 0xEE && length >= 12
                    && new String(data, 0, 5, StandardCharsets.ISO_8859_1).equals("Adobe")) {
                transform = data[11] & 0xFF; // "Adobe", version (2), flags0 (2), flags1 (2), transform
            }
        }
    }
}
