package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.TimestampCheck;
import org.exhibit.integrity.timestamp.TimestampVerifier;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * Every RFC 3161 token, the manifest's and each record's, against the file it stamps (status, imprint,
 * ESSCertID, EKU, signature, validity and chain at genTime, all in {@link TimestampVerifier}), one finding per
 * token; the manifest has at least one; a record without one is pending (a warning). A file stamped by several
 * TSAs needs one valid token: an invalid one beside a valid one is a warning (fails {@code --strict}), and so is a
 * file that lacks the token of a TSA that stamped other files. Each record's earliest valid genTime is the one
 * {@code manifest.json} recorded.
 */
final class TimestampChecks {
    static final String NAME = "timestamp";

    /** One token's findings, and its genTime when valid. */
    private record Result(String token, String stamped, TimestampCheck valid, List<Check> checks) {
    }

    private TimestampChecks() {
    }

    static List<Check> run(OpenBundle b, TrustAnchors anchors) {
        List<Check> out = new ArrayList<>();
        Map<String, List<String>> tokens = new TreeMap<>();
        for (String path : b.names()) {
            Matcher m = BundleLayout.TOKEN.matcher(path);
            if (m.matches() && (m.group(1).equals(BundleLayout.CUSTODY_MANIFEST) || BundleLayout.isRecord(m.group(1)))) {
                tokens.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(path);
            }
        }
        if (!tokens.containsKey(BundleLayout.CUSTODY_MANIFEST)) {
            out.add(Check.fail(NAME, Reason.TOKEN_INVALID, BundleLayout.CUSTODY_MANIFEST, BundleLayout.CUSTODY_MANIFEST
                    + ": no timestamp (expected " + BundleLayout.CUSTODY_MANIFEST + ".<tsa>.tsr)"));
        }
        Map<String, Instant> earliest = new HashMap<>();
        TimestampVerifier verifier = new TimestampVerifier();
        // each token costs a few signature checks: spread them over the cores, report them in order
        List<Map.Entry<String, String>> all = new ArrayList<>();
        tokens.forEach((stamped, list) -> list.forEach(token -> all.add(Map.entry(token, stamped))));
        List<Result> results = all.parallelStream().map(t -> {
            List<Check> checks = new ArrayList<>();
            TimestampCheck valid = token(b, verifier, t.getValue(), t.getKey(), anchors, checks);
            return new Result(t.getKey(), t.getValue(), valid, checks);
        }).toList();
        Set<String> holdsValid = new HashSet<>();
        for (Result r : results) {
            if (r.valid() != null) {
                holdsValid.add(r.stamped());
            }
        }
        for (Result r : results) {
            for (Check c : r.checks()) {
                // a file with another valid token still has its time: this token's failure fails only --strict
                out.add(c.status() == Check.Status.FAIL && holdsValid.contains(r.stamped())
                        ? Check.warn(c.name(), c.reason(), c.file(), c.message() + " (" + r.stamped()
                                + " has another valid token)")
                        : c);
            }
            if (r.valid() != null) {
                b.validTokens().put(r.token(), r.valid());
                earliest.merge(r.stamped(), r.valid().genTime(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        for (String path : b.names()) {
            if (BundleLayout.isRecord(path) && !tokens.containsKey(path)) {
                out.add(Check.warn(NAME, Reason.STAMP_PENDING, path, path + ": timestamp pending (no " + path + ".<tsa>.tsr)"));
            }
        }
        missingTsas(tokens, out);
        boundGenTimes(b, earliest, out);
        return out;
    }

    /**
     * Every TSA that stamped some file of the bundle is expected to have stamped each stamped file: a token one TSA
     * gave and another did not is a stamp still pending from that TSA (a warning).
     */
    private static void missingTsas(Map<String, List<String>> tokens, List<Check> out) {
        Set<String> tsas = new TreeSet<>();
        tokens.values().forEach(list -> list.forEach(t -> tsas.add(VerifyInstructions.tsaOf(t))));
        tokens.forEach((stamped, list) -> {
            for (String tsa : tsas) {
                if (!list.contains(BundleLayout.token(stamped, tsa))) {
                    out.add(Check.warn(NAME, Reason.STAMP_PENDING, stamped, stamped + ": no timestamp from TSA " + tsa
                            + ", which stamped other files of this bundle (expected " + BundleLayout.token(stamped, tsa)
                            + "); its stamp was pending when sealed"));
                }
            }
        });
    }

    /** The token's check when valid, else null (with a failure added). */
    private static TimestampCheck token(OpenBundle b, TimestampVerifier verifier, String stamped, String token,
                                 TrustAnchors anchors, List<Check> out) {
        Sha256 sha = b.sha256(stamped);
        if (sha == null) {
            out.add(Check.fail(NAME, Reason.MISSING, token, token + ": the file it stamps, " + stamped + ", is missing or damaged"));
            return null;
        }
        byte[] der;
        try {
            der = b.read(token);
        } catch (IOException e) {
            out.add(Check.fail(NAME, Reason.TOKEN_INVALID, token, token + ": unreadable: " + e.getMessage()));
            return null;
        }
        TimestampCheck c = verifier.verify(der, sha.bytes(), null, anchors);
        if (!c.ok()) {
            out.add(Check.fail(NAME, Reason.TOKEN_INVALID, token, token + ": invalid for " + stamped + ": " + c.reason()));
            return null;
        }
        String what = token + ": valid for " + stamped + ", genTime " + c.genTime() + ", TSA " + c.tsaSubject();
        if (!c.trusted()) {
            out.add(Check.warn(NAME, Reason.TSA_UNTRUSTED, token, what + "; " + String.join("; ", c.warnings())));
            if (c.selfRun()) {
                out.add(Check.warn(NAME, Reason.SELF_RUN_TSA, token, token + ": from an Exhibit self-run TSA (policy "
                        + c.policy() + "), not a public authority; pass its root with --trust if you rely on it"));
            }
        } else if (c.selfRun()) {
            out.add(Check.pass(NAME, Reason.SELF_RUN_TSA, token, what + " (an Exhibit self-run TSA, whose root you trust)"));
        } else {
            out.add(Check.pass(NAME, token, what));
        }
        return c;
    }

    private static void boundGenTimes(OpenBundle b, Map<String, Instant> earliest, List<Check> out) {
        CustodyManifest m = b.custodyManifest(NAME, new ArrayList<>());
        if (m == null) {
            return;
        }
        List<CustodyManifest.SealedRecord> all = new ArrayList<>(m.captures());
        all.addAll(m.items());
        for (CustodyManifest.SealedRecord r : all) {
            Instant actual = earliest.get(r.record());
            if (r.genTime() == null ? actual != null : !r.genTime().equals(actual)) {
                out.add(Check.fail(NAME, Reason.GENTIME_MISMATCH, r.record(), r.record() + ": genTime in " + BundleLayout.CUSTODY_MANIFEST
                        + " expected " + r.genTime() + ", got " + (actual == null ? "no valid timestamp" : actual)));
            }
        }
    }
}
