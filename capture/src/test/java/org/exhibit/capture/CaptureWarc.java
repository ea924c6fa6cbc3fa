package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/** Reads the WARC inside a capture's WACZ back with jwarc, as an independent reader. */
final class CaptureWarc {
    private CaptureWarc() {
    }

    /**
     * Target URL to response payload (transfer coding removed, content coding kept), for each response record;
     * checks every payload against its {@code WARC-Payload-Digest} on the way.
     */
    static Map<String, byte[]> responses(Path folder) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipFile wacz = new ZipFile(folder.resolve(CaptureArtifacts.WACZ).toFile())) {
            ZipEntry entry = wacz.getEntry("archive/data.warc.gz");
            assertThat(entry).as("archive/data.warc.gz in the WACZ").isNotNull();
            try (InputStream in = wacz.getInputStream(entry); WarcReader reader = new WarcReader(in)) {
                for (WarcRecord record : reader) {
                    if (record instanceof WarcResponse response && response.payload().isPresent()) {
                        WarcPayload payload = response.payload().get();
                        byte[] body = payload.body().stream().readAllBytes();
                        WarcDigest digest = payload.digest().orElseThrow(
                                () -> new AssertionError(response.target() + ": no WARC-Payload-Digest"));
                        assertThat(digest.getDigester().digest(body)).as("payload digest of " + response.target())
                                .isEqualTo(digest.bytes());
                        out.put(response.target(), body);
                    }
                }
            }
        }
        return out;
    }

    /** The header names (lower case) and values of the browser's request for {@code url}, read with jwarc. */
    static Map<String, String> requestHeaders(Path folder, String url) throws Exception {
        try (ZipFile wacz = new ZipFile(folder.resolve(CaptureArtifacts.WACZ).toFile());
             InputStream in = wacz.getInputStream(wacz.getEntry("archive/data.warc.gz"));
             WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcRequest request && request.target().equals(url)) {
                    Map<String, String> headers = new HashMap<>();
                    request.http().headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                            String.join(", ", v)));
                    return headers;
                }
            }
        }
        throw new AssertionError("no request record for " + url);
    }
}
