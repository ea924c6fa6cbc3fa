package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.EachStamp;
import org.exhibit.integrity.timestamp.StampedToken;
import org.exhibit.integrity.timestamp.TimestampException;
import org.exhibit.integrity.timestamp.Timestamper;

/**
 * Timestamps a record right after it is written, by each configured TSA: per token, {@code <record>.<tsa>.tsr}
 * beside it (the DER response as received), the TSA's chain in {@code custody/tsa/<tsa>.pem}, and a
 * {@code timestamped} custody event. When a TSA does not answer, the record stays as it is, a
 * {@code timestamp-pending} event records which and why, and {@link #stampPending()} asks that TSA again later.
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

    /**
     * Stamps one record file with each TSA (at once, within the timestamper's bound); never throws for a TSA
     * failure: a TSA that gives no token leaves its stamp pending, the others' tokens count.
     */
    public StampOutcome stamp(Path record) throws IOException {
        return stamp(record, timestamper.names());
    }

    private StampOutcome stamp(Path record, List<String> tsas) throws IOException {
        Sha256 digest = Sha256.of(record);
        String subject = ws.subject(record);
        String name = record.getFileName().toString();
        EachStamp each = timestamper.stampEach(tsas, digest.bytes());
        List<Path> tsrs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (StampedToken token : each.tokens()) {
            Path tsr = record.resolveSibling(BundleLayout.token(name, token.tsa().name()));
            Json.writeAtomically(tsr, token.response());
            TsaChains.keep(ws.tsaDir(), token);
            Map<String, Object> details = EventDetails.of(new EventDetails.Timestamped(name, digest.hex(),
                    tsr.getFileName().toString(), token.tsa().name(), token.tsa().url().toString(), token.genTime(),
                    token.serial().toString(), token.policy(), token.nonce().toString(),
                    token.clockOffset().toMillis(), token.warnings().isEmpty() ? null : token.warnings()));
            ws.custody().append(actor, CustodyEvent.TIMESTAMPED, subject, details);
            tsrs.add(tsr);
            token.warnings().forEach(w -> warnings.add(token.tsa().name() + ": " + w));
        }
        if (!each.failed().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            for (TimestampException e : each.failed().values()) {
                for (Throwable t : e.getSuppressed()) {
                    reasons.add(t.getMessage());
                }
            }
            ws.custody().append(actor, CustodyEvent.TIMESTAMP_PENDING, subject, EventDetails.of(
                    new EventDetails.TimestampPending(name, digest.hex(), each.problem(), reasons,
                            List.copyOf(each.failed().keySet()))));
        }
        return new StampOutcome(record, subject, each.tokens(), tsrs, each.problem(), warnings);
    }

    /**
     * For each record of the case still waiting for a token, the TSAs it waits for: those a
     * {@code timestamp-pending} line named whose token the record still lacks; an empty list for a record with no
     * token at all that no line explains (a line written before lines named TSAs, or a capture cut short before
     * its stamp). Records in path order.
     */
    public static Map<Path, List<String>> waitingFor(CaseWorkspace ws) throws IOException {
        Map<String, Set<String>> named = new HashMap<>();
        for (CustodyEvent e : ws.custody().events()) {
            if (CustodyEvent.TIMESTAMP_PENDING.equals(e.action()) && e.subject() != null) {
                EventDetails.TimestampPending d = EventDetails.read(e, EventDetails.TimestampPending.class);
                if (d.tsas() != null) {
                    named.computeIfAbsent(e.subject() + "/" + d.record(), k -> new TreeSet<>()).addAll(d.tsas());
                }
            }
        }
        Map<Path, List<String>> out = new LinkedHashMap<>();
        for (RecordRef r : Records.in(ws.root())) {
            String file = r.path().substring(r.path().lastIndexOf('/') + 1);
            List<String> missing = missing(r, List.copyOf(named.getOrDefault(r.subject() + "/" + file, Set.of())));
            if (!missing.isEmpty()) {
                out.put(ws.root().resolve(r.path()), missing);
            } else if (r.tokens().isEmpty()) {
                out.put(ws.root().resolve(r.path()), List.of());
            }
        }
        return out;
    }

    /** Records with no {@code .tsr} beside them at all, derived from the files alone. */
    public static List<Path> pending(CaseWorkspace ws) throws IOException {
        return Records.in(ws.root()).stream().filter(r -> r.tokens().isEmpty()).map(r -> ws.root().resolve(r.path()))
                .toList();
    }

    /** Records that lack the token of one of this stamper's TSAs (or every token), from the files alone. */
    public List<Path> pending() throws IOException {
        return pending(ws, timestamper.names());
    }

    /** Records of the case that lack the token of one of the TSAs named, from the files alone. */
    public static List<Path> pending(CaseWorkspace ws, List<String> tsas) throws IOException {
        List<Path> out = new ArrayList<>();
        for (RecordRef r : Records.in(ws.root())) {
            if (!missing(r, tsas).isEmpty()) {
                out.add(ws.root().resolve(r.path()));
            }
        }
        return out;
    }

    private List<String> missing(RecordRef r) {
        return missing(r, timestamper.names());
    }

    /** The TSAs named whose token the record lacks. */
    private static List<String> missing(RecordRef r, List<String> tsas) {
        List<String> missing = new ArrayList<>(tsas);
        for (String token : r.tokens()) {
            Matcher m = BundleLayout.TOKEN.matcher(token);
            if (m.matches()) {
                missing.remove(m.group(2));
            }
        }
        return missing;
    }

    /**
     * Stamps every record that lacks the token of one of this stamper's TSAs, with those TSAs only. A record whose SHA-256 differs from the one logged when its stamp went
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
        for (RecordRef ref : Records.in(ws.root())) {
            List<String> missing = missing(ref);
            if (missing.isEmpty()) {
                continue;
            }
            Path record = ws.root().resolve(ref.path());
            String subject = ws.subject(record);
            String expected = loggedSha.get(subject + "/" + record.getFileName());
            String actual = Sha256.of(record).hex();
            if (expected != null && !expected.equals(actual)) {
                outcomes.add(new StampOutcome(record, subject, List.of(), List.of(), ws.root().relativize(record)
                        + " changed since its stamp went pending: SHA-256 expected " + expected + ", got " + actual
                        + "; not stamped", List.of()));
                continue;
            }
            outcomes.add(stamp(record, missing));
        }
        return outcomes;
    }
}
