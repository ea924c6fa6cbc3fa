package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.StampedToken;
import org.exhibit.integrity.timestamp.TimestampException;
import org.exhibit.integrity.timestamp.Timestamper;

/**
 * Timestamps a record right after it is written: {@code <record>.<tsa>.tsr} beside it (the DER response as
 * received), the TSA's chain in {@code custody/tsa/<tsa>.pem}, and a {@code timestamped} custody event. When no
 * TSA answers, the record stays as it is, a {@code timestamp-pending} event records why, and
 * {@link #stampPending()} completes it later.
 *
 * <pre>{@code
 * RecordStamper stamper = new RecordStamper(ws, timestamper, me.actor());
 * Json.write(dir.resolve("capture.json"), record);
 * StampOutcome o = stamper.stamp(dir.resolve("capture.json"));
 * if (!o.stamped()) warn("timestamp pending: " + o.problem());
 * }</pre>
 */
public final class RecordStamper {
    private final CaseWorkspace ws;
    private final Timestamper timestamper;
    private final Actor actor;

    public RecordStamper(CaseWorkspace ws, Timestamper timestamper, Actor actor) {
        this.ws = ws;
        this.timestamper = timestamper;
        this.actor = actor;
    }

    /** Stamps one record file; never throws for a TSA failure (the outcome is pending instead). */
    public StampOutcome stamp(Path record) throws IOException {
        Sha256 digest = Sha256.of(record);
        String subject = ws.subject(record);
        String name = record.getFileName().toString();
        StampedToken token;
        try {
            token = timestamper.stamp(digest.bytes());
        } catch (TimestampException e) {
            List<String> reasons = new ArrayList<>();
            for (Throwable t : e.getSuppressed()) {
                reasons.add(t.getMessage());
            }
            ws.custody().append(actor, CustodyEvent.TIMESTAMP_PENDING, subject, EventDetails.of(
                    new EventDetails.TimestampPending(name, digest.hex(), e.getMessage(), reasons)));
            return new StampOutcome(record, subject, null, null, e.getMessage(), List.of());
        }
        Path tsr = record.resolveSibling(BundleLayout.token(name, token.tsa().name()));
        Json.writeAtomically(tsr, token.response());
        TsaChains.keep(ws.tsaDir(), token);
        Map<String, Object> details = EventDetails.of(new EventDetails.Timestamped(name, digest.hex(),
                tsr.getFileName().toString(), token.tsa().name(), token.tsa().url().toString(), token.genTime(),
                token.serial().toString(), token.policy(), token.nonce().toString(), token.clockOffset().toMillis(),
                token.warnings().isEmpty() ? null : token.warnings()));
        ws.custody().append(actor, CustodyEvent.TIMESTAMPED, subject, details);
        return new StampOutcome(record, subject, token, tsr, null, token.warnings());
    }

    /** Records with no {@code .tsr} beside them, derived from the files alone. */
    public static List<Path> pending(CaseWorkspace ws) throws IOException {
        return Records.in(ws.root()).stream().filter(r -> r.tokens().isEmpty()).map(r -> ws.root().resolve(r.path()))
                .toList();
    }

    /** {@link #pending(CaseWorkspace)} of this stamper's case. */
    public List<Path> pending() throws IOException {
        return pending(ws);
    }

    /**
     * Stamps every pending record. A record whose SHA-256 differs from the one logged when its stamp went
     * pending is not stamped: stamping it now would lend a changed record a time it does not deserve.
     */
    public List<StampOutcome> stampPending() throws IOException {
        Map<String, String> loggedSha = new HashMap<>();
        for (CustodyEvent e : ws.custody().events()) {
            if (CustodyEvent.TIMESTAMP_PENDING.equals(e.action()) && e.subject() != null) {
                EventDetails.TimestampPending d = EventDetails.read(e, EventDetails.TimestampPending.class);
                loggedSha.put(e.subject() + "/" + d.record(), String.valueOf(d.sha256()));
            }
        }
        List<StampOutcome> outcomes = new ArrayList<>();
        for (Path record : pending()) {
            String subject = ws.subject(record);
            String expected = loggedSha.get(subject + "/" + record.getFileName());
            String actual = Sha256.of(record).hex();
            if (expected != null && !expected.equals(actual)) {
                outcomes.add(new StampOutcome(record, subject, null, null, ws.root().relativize(record)
                        + " changed since its stamp went pending: SHA-256 expected " + expected + ", got " + actual
                        + "; not stamped", List.of()));
                continue;
            }
            outcomes.add(stamp(record));
        }
        return outcomes;
    }
}
