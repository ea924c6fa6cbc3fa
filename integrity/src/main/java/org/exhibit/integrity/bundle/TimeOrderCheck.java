package org.exhibit.integrity.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.timestamp.TimestampCheck;

/**
 * Time runs one way: no record is stamped after the seal (by the same TSA's clock; a record's genTime from another
 * TSA may pass the manifest's by at most {@link #TSA_LEEWAY}), the custody log's times never go back by more than
 * {@link #CLOCK_STEP}, and each {@code timestamped} line states the genTime of the token it names, as that token
 * says. Uses the genTimes {@link TimestampChecks} found valid.
 */
final class TimeOrderCheck {
    static final String NAME = "time-order";
    /** How far two TSAs' clocks may disagree. */
    static final Duration TSA_LEEWAY = Duration.ofSeconds(60);
    /** How far the investigator's clock may step back between two lines (a clock set by NTP). */
    static final Duration CLOCK_STEP = Duration.ofSeconds(1);

    private TimeOrderCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        Map<String, TimestampCheck> tokens = b.validTokens();
        Map.Entry<String, TimestampCheck> seal = null;
        for (Map.Entry<String, TimestampCheck> t : tokens.entrySet()) {
            if (stamped(t.getKey()).equals(BundleLayout.CUSTODY_MANIFEST)
                    && (seal == null || t.getValue().genTime().isBefore(seal.getValue().genTime()))) {
                seal = t;
            }
        }
        if (seal != null) {
            for (Map.Entry<String, TimestampCheck> t : tokens.entrySet()) {
                if (!stamped(t.getKey()).equals(BundleLayout.CUSTODY_MANIFEST) && after(t.getValue(), seal.getValue())) {
                    out.add(Check.fail(NAME, Reason.STAMPED_AFTER_SEAL, t.getKey(), t.getKey() + ": stamped at " + t.getValue().genTime()
                            + ", after the bundle was sealed (" + seal.getKey() + " says " + seal.getValue().genTime()
                            + "); a record sealed in a bundle cannot be stamped later"));
                }
            }
        }
        int lines = log(b, tokens, out);
        if (out.isEmpty()) {
            out.add(Check.pass(NAME, BundleLayout.EVENTS, "record stamps precede the seal's"
                    + (seal == null ? "" : " (" + seal.getValue().genTime() + ")") + "; " + lines
                    + " custody-log lines in time order, their genTimes as the tokens say"));
        }
        return out;
    }

    /** One TSA's clock is compared strictly with itself; two TSAs' clocks with {@link #TSA_LEEWAY}. */
    private static boolean after(TimestampCheck record, TimestampCheck seal) {
        boolean sameTsa = record.tsaFingerprint() != null && record.tsaFingerprint().equals(seal.tsaFingerprint());
        return record.genTime().isAfter(sameTsa ? seal.genTime() : seal.genTime().plus(TSA_LEEWAY));
    }

    private static String stamped(String token) {
        Matcher m = BundleLayout.TOKEN.matcher(token);
        return m.matches() ? m.group(1) : token;
    }

    private static int log(OpenBundle b, Map<String, TimestampCheck> tokens, List<Check> out) {
        SafeZip.Entry entry = b.zip.entry(BundleLayout.EVENTS);
        if (entry == null) {
            return 0;
        }
        int n = 0;
        Instant previous = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(b.zip.open(entry), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                CustodyEvent event = IdentityCheck.readLine(line);
                Instant time = event == null ? null : event.time();
                if (time != null && previous != null && time.isBefore(previous.minus(CLOCK_STEP))) {
                    out.add(Check.fail(NAME, Reason.EVENTS_OUT_OF_ORDER, BundleLayout.EVENTS, BundleLayout.EVENTS + ": line " + n + " is dated "
                            + time + ", before line " + (n - 1) + " (" + previous + "): events out of time order"));
                }
                previous = time == null ? previous : time;
                if (event != null && CustodyEvent.TIMESTAMPED.equals(event.action())) {
                    genTime(event, n, tokens, out);
                }
            }
        } catch (IOException e) {
            return n; // the custody-log step reports an unreadable log
        }
        return n;
    }

    private static void genTime(CustodyEvent event, int n, Map<String, TimestampCheck> tokens, List<Check> out) {
        EventDetails.Timestamped details;
        try {
            details = EventDetails.read(event, EventDetails.Timestamped.class);
        } catch (IllegalArgumentException e) {
            return; // not the details of a timestamped line: nothing to compare
        }
        String subject = event.subject();
        String tsr = details == null ? null : details.tsr();
        Instant said = details == null ? null : details.genTime();
        if (subject == null || tsr == null || said == null) {
            return;
        }
        String token = BundleLayout.DATA + subject + "/" + tsr;
        Instant actual = tokens.containsKey(token) ? tokens.get(token).genTime() : null;
        if (actual != null && !actual.equals(said)) {
            out.add(Check.fail(NAME, Reason.TOKEN_REPLACED, BundleLayout.EVENTS, BundleLayout.EVENTS + ": line " + n + " logged " + token
                    + " with genTime " + said + ", but that token says " + actual + " (a token replaced after the "
                    + "fact)"));
        }
    }
}
