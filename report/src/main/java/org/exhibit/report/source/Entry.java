package org.exhibit.report.source;

import java.time.Instant;
import java.util.List;

/**
 * One capture or ingested item, as the summary table lists it.
 *
 * @param kind      capture or item
 * @param id        "0001"
 * @param folder    "data/captures/0001"
 * @param source    the requested URL of a capture, the original file name (and source) of an item
 * @param time      when it was captured (start) or ingested, or null
 * @param stamps    the TSA times of the record's {@code .tsr} files; empty while the stamp is pending
 * @param outcome   complete | partial | failed for captures; "ingested" for items
 * @param recordSha256 SHA-256 of capture.json / item.json as stored
 */
public record Entry(Kind kind, String id, String folder, String source, Instant time, List<TsaTime> stamps,
                    String outcome, String recordSha256) {

    public enum Kind { CAPTURE, ITEM }

    public String record() {
        return folder + (kind == Kind.CAPTURE ? "/capture.json" : "/item.json");
    }

    public String stampText() {
        return stamps.isEmpty() ? "pending (no timestamp yet)"
                : String.join("; ", stamps.stream().map(TsaTime::toString).toList());
    }
}
