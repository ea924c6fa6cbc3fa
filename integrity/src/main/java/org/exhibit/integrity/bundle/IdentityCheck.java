package org.exhibit.integrity.bundle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.record.Actor;

/**
 * The investigator is checked, not just described: every record ({@code capture.json}'s {@code investigator},
 * {@code item.json}'s {@code ingestedBy}) and every custody-log line ({@code actor}) names the certificate
 * fingerprint of the manifest's investigator, whom {@link SignatureCheck} ties to the signer. A bundle re-signed
 * by someone else under the investigator's name fails here even without {@code --trust}, unless every record was
 * rewritten too (and then only {@code --trust} or the fingerprint in the verdict tells).
 */
final class IdentityCheck {
    static final String NAME = "identity";
    /** Lines of the custody log named one by one before the rest are counted. */
    private static final int MAX_NAMED = 10;

    private IdentityCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        CustodyManifest m = b.custodyManifest(NAME, new ArrayList<>());
        if (m == null || m.investigator() == null || m.investigator().fingerprint() == null) {
            return out; // the manifest and signature steps say why
        }
        String expected = m.investigator().fingerprint();
        String signer = m.investigator().name() + " (certificate SHA-256 " + expected + ")";
        int before = out.size();
        for (RecordRef r : b.records()) {
            record(b, r, expected, signer, out);
        }
        int records = b.records().size();
        int lines = log(b, expected, signer, out);
        if (out.size() == before) {
            out.add(Check.pass(NAME, BundleLayout.CUSTODY_MANIFEST, "all " + records + " records and " + lines
                    + " custody-log lines name the signer, " + signer));
        }
        return out;
    }

    private static void record(OpenBundle b, RecordRef ref, String expected, String signer, List<Check> out) {
        String path = ref.path();
        Actor who;
        try {
            who = b.record(ref).author();
        } catch (IOException e) {
            return; // the records step reports an unreadable record
        }
        if (who == null || who.fingerprint() == null) {
            out.add(Check.warn(NAME, Reason.AUTHOR_UNNAMED, path, path + ": names no investigator certificate, so who made it cannot be "
                    + "checked against the signer"));
        } else if (!who.fingerprint().equals(expected)) {
            out.add(Check.fail(NAME, Reason.AUTHOR_NOT_SIGNER, path, path + ": made by " + who.name() + " (certificate SHA-256 "
                    + who.fingerprint() + "), but the bundle is signed by " + signer));
        }
    }

    /** Checks every line's actor; returns the number of lines read. */
    private static int log(OpenBundle b, String expected, String signer, List<Check> out) {
        SafeZip.Entry entry = b.zip.entry(BundleLayout.EVENTS);
        if (entry == null) {
            return 0; // the custody-log step says it is missing
        }
        int n = 0;
        int wrong = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(b.zip.open(entry), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                CustodyEvent event = readLine(line);
                Actor actor = event == null ? null : event.actor();
                String fingerprint = actor == null ? null : actor.fingerprint();
                if (!expected.equals(fingerprint) && ++wrong <= MAX_NAMED) {
                    out.add(Check.fail(NAME, Reason.AUTHOR_NOT_SIGNER, BundleLayout.EVENTS, BundleLayout.EVENTS + ": line " + n + " was written by "
                            + (actor == null ? "?" : actor.name()) + " (certificate SHA-256 " + fingerprint
                            + "), but the bundle is signed by " + signer));
                }
            }
        } catch (IOException e) {
            return n; // the custody-log step reports an unreadable log
        }
        if (wrong > MAX_NAMED) {
            out.add(Check.fail(NAME, Reason.AUTHOR_NOT_SIGNER, BundleLayout.EVENTS, BundleLayout.EVENTS + ": " + (wrong - MAX_NAMED)
                    + " more lines written by someone other than the signer"));
        }
        return n;
    }

    /** A custody-log line as a typed event; null when it is not one (the custody-log step names the line). */
    static CustodyEvent readLine(String line) {
        try {
            return Json.MAPPER.readValue(line, CustodyEvent.class);
        } catch (IOException e) {
            return null;
        }
    }
}
