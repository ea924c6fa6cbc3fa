package org.exhibit.report.source;

import java.io.IOException;
import java.time.Instant;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The time a TSA stated in a {@code .tsr} beside a record. Read for display only: whether the token is
 * valid is {@code exhibit verify}'s question, and the report says so.
 *
 * @param tsa     the TSA's slug from the file name ({@code capture.json.<tsa>.tsr})
 * @param genTime the token's genTime, or null when the file holds no readable token
 */
public record TsaTime(String tsa, Instant genTime) {

    static TsaTime read(String tsa, byte[] tsr) {
        try {
            TimeStampToken token = new TimeStampResponse(tsr).getTimeStampToken();
            return new TsaTime(tsa, token == null ? null : token.getTimeStampInfo().getGenTime().toInstant());
        } catch (TSPException | IOException | RuntimeException e) {
            return new TsaTime(tsa, null);
        }
    }

    /** "2026-11-24 10:15:02 UTC (tsa.example.org)". */
    @Override
    public String toString() {
        return (genTime == null ? "unreadable token" : Nodes.utc(genTime)) + " (" + tsa + ")";
    }
}
