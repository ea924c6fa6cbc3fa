package org.exhibit.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.browser.PageResult;

/** Turns the proxy's WARC into {@code resources/} and {@code capture.wacz}. */
final class WarcPackaging {
    private WarcPackaging() {
    }

    /**
     * Extracts the resources and packages the WACZ in {@code folder}; returns resource file name to URL.
     * Until the WACZ writer lands, the WARC stays in the folder as {@code capture.warc.gz}.
     */
    static Map<String, String> pack(Path folder, CaptureTarget target, PageResult page, List<String> warnings)
            throws IOException {
        return Map.of();
    }
}
