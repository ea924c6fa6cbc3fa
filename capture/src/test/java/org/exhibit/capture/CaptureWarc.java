package org.exhibit.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** Reads a capture's WARC back with jwarc, as an independent reader. */
final class CaptureWarc {
    private CaptureWarc() {
    }

    /** Target URL to response payload (transfer coding removed, content coding kept), for each response record. */
    static Map<String, byte[]> responses(Path folder) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (WarcReader reader = new WarcReader(folder.resolve(CaptureArtifacts.WARC))) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    out.put(response.target(), response.http().body().stream().readAllBytes());
                }
            }
        }
        return out;
    }
}
