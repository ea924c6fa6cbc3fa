package org.exhibit.capture.warc;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibit.format.json.Json;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The CDXJ index of a WARC, as replay tools read it: {@code <SURT> <14-digit timestamp> {json}} per response
 * or resource record, with the offset and length of its gzip member, sorted.
 */
final class CdxjIndex {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CdxjIndex() {
    }

    /** Reads the WARC once (streaming) and returns the index lines sorted. */
    static List<String> lines(Path warc, String filename) throws IOException {
        List<String> lines = new ArrayList<>();
        long fileSize = Files.size(warc);
        try (WarcReader reader = new WarcReader(warc)) {
            WarcRecord record = reader.next().orElse(null);
            while (record != null) {
                long offset = reader.position();
                Map<String, Object> fields = null;
                String key = null;
                if (record instanceof WarcResponse || record instanceof WarcResource) {
                    WarcCaptureRecord capture = (WarcCaptureRecord) record;
                    fields = new LinkedHashMap<>();
                    fields.put("url", capture.target());
                    if (record instanceof WarcResponse resp && resp.contentType().base().equals(MediaType.HTTP)) {
                        HttpResponse http = resp.http();
                        fields.put("mime", http.headers().first("Content-Type")
                                .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("unk"));
                        fields.put("status", String.valueOf(http.status()));
                    } else {
                        fields.put("mime", capture.contentType().base().toString());
                        fields.put("status", "200");
                    }
                    if (capture.payloadDigest().isPresent()) {
                        fields.put("digest", capture.payloadDigest().get().toString());
                    }
                    key = URIs.toNormalizedSurt(capture.target()) + " " + TIMESTAMP.format(capture.date());
                }
                record = reader.next().orElse(null);
                long end = record == null ? fileSize : reader.position();
                if (fields != null) {
                    fields.put("length", String.valueOf(end - offset));
                    fields.put("offset", String.valueOf(offset));
                    fields.put("filename", filename);
                    lines.add(key + " " + json(fields));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String json(Map<String, Object> fields) {
        try {
            return Json.COMPACT.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CDXJ line", e);
        }
    }
}
