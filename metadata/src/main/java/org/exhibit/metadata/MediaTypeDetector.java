package org.exhibit.metadata;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;

/**
 * Media type from a file's content with Apache Tika's detector. The file name is never given to Tika, so
 * a PNG called {@code photo.jpg} is {@code image/png} and a JPEG called {@code notes.txt} is {@code image/jpeg}.
 */
public final class MediaTypeDetector {
    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private MediaTypeDetector() {
    }

    /**
     * Detects from the first bytes of {@code in}, which must support mark/reset; the stream is left where it was.
     * Unknown content is {@code application/octet-stream}.
     */
    public static String detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("expected a stream supporting mark/reset, got " + in.getClass().getName());
        }
        return DETECTOR.detect(in, new Metadata()).getBaseType().toString();
    }
}
