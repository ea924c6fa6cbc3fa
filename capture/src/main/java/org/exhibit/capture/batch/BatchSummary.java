package org.exhibit.capture.batch;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-of-batch summary: a table with one row per URL (outcome, capture id, status, artifacts, time, URL and
 * where it ended up), or the same as JSON for scripts.
 */
public final class BatchSummary {
    private BatchSummary() {
    }

    /** Prints the table, then the counts. */
    public static void table(BatchResult result, PrintWriter out) {
        int urlWidth = Math.min(60, result.results().stream().mapToInt(r -> r.url().length()).max().orElse(3));
        String format = "%5s  %-8s  %-7s  %6s  %5s  %7s  %-" + Math.max(3, urlWidth) + "s  %s%n";
        out.printf(format, "line", "outcome", "capture", "status", "files", "time", "URL", "final URL");
        for (UrlResult r : result.results()) {
            String finalUrl = r.finalUrl() == null || r.finalUrl().equals(r.url()) ? (r.finalUrl() == null ? "-" : "=") : r.finalUrl();
            out.printf(format, r.line(), r.outcome(), r.captureId() == null ? "-" : r.captureId(),
                    r.status() == null ? "-" : r.status(), r.artifacts(),
                    r.resumed() ? "earlier" : Tally.duration(r.time()), r.url(), finalUrl);
        }
        out.println(counts(result));
    }

    /** "200 URLs: 180 complete, 12 partial, 8 failed, 0 not run; 3 bad lines; 41 kept from an earlier run". */
    public static String counts(BatchResult result) {
        long resumed = result.results().stream().filter(UrlResult::resumed).count();
        return result.results().size() + " URLs: " + result.count("complete") + " complete, " + result.count("partial")
                + " partial, " + result.count("failed") + " failed, " + result.count(UrlResult.NOT_RUN) + " not run"
                + (result.problems().isEmpty() ? "" : "; " + result.problems().size() + " bad lines not captured")
                + (resumed == 0 ? "" : "; " + resumed + " kept from an earlier run")
                + "; " + Tally.duration(result.time());
    }

    /** The result as a JSON-ready map: batch id, counts, problems, one object per URL. */
    public static Map<String, Object> json(BatchResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", result.batchId());
        m.put("source", result.source());
        m.put("interrupted", result.interrupted());
        m.put("seconds", result.time().toMillis() / 1000.0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String o : List.of("complete", "partial", "failed", UrlResult.NOT_RUN)) {
            counts.put(o, result.count(o));
        }
        m.put("counts", counts);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (LinkProblem p : result.problems()) {
            problems.add(new LinkedHashMap<>(Map.of("line", p.line(), "text", p.text(), "reason", p.reason())));
        }
        m.put("problems", problems);
        m.put("recovered", Map.of("discarded", result.recovery().discarded(), "custodyEventsAdded",
                result.recovery().recovered(), "custodyBytesCut", result.recovery().custodyBytesCut()));
        List<Map<String, Object>> urls = new ArrayList<>();
        for (UrlResult r : result.results()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("line", r.line());
            u.put("url", r.url());
            u.put("outcome", r.outcome());
            u.put("capture", r.captureId());
            u.put("finalUrl", r.finalUrl());
            u.put("status", r.status());
            u.put("artifacts", r.artifacts());
            u.put("seconds", r.time().toMillis() / 1000.0);
            u.put("attempts", r.attempts());
            u.put("resumed", r.resumed());
            u.put("warnings", r.warnings());
            urls.add(u);
        }
        m.put("urls", urls);
        return m;
    }
}
