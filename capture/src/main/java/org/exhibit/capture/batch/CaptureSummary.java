package org.exhibit.capture.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.json.Json;

/**
 * What the batch reads back from a finished {@code capture.json} (fields of
 * {@link org.exhibit.format.record.CaptureRecord}): enough for the summary and for resuming.
 *
 * @param mark the batch the capture belongs to, or null when it was not made by a batch
 */
public record CaptureSummary(String id, String url, String outcome, String finalUrl, Integer status, int artifacts,
                             List<String> warnings, BatchMark mark) {

    /** Reads {@code capture.json}; throws {@link IOException} when it is not a complete JSON object. */
    public static CaptureSummary read(Path record) throws IOException {
        JsonNode root = Json.MAPPER.readTree(record.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(record + ": expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        String url = text(root, "requestedUrl");
        JsonNode notes = root.path("notes");
        BatchMark mark = null;
        if (notes.hasNonNull(BatchMark.NOTE_ID) && url != null) {
            try {
                mark = new BatchMark(notes.get(BatchMark.NOTE_ID).asText(), notes.path(BatchMark.NOTE_LINE).asInt(),
                        LinkUrl.parse(url).key());
            } catch (IllegalArgumentException e) {
                mark = null;
            }
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        JsonNode status = root.path("mainDocument").path("status");
        return new CaptureSummary(record.getParent().getFileName().toString(), url, text(root, "outcome"),
                text(root, "finalUrl"), status.isInt() ? status.asInt() : null, root.path("artifacts").size(), warnings, mark);
    }

    UrlResult result(int line, String displayUrl) {
        return new UrlResult(line, displayUrl, outcome, id, finalUrl, status, artifacts, Duration.ZERO, 0, true, warnings);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
