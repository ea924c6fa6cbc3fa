package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.custody.ChainReport;
import org.exhibit.integrity.custody.ChainVerifier;
import org.exhibit.integrity.digest.Sha256;

/**
 * The custody log ({@code custody/events.jsonl}) is an unbroken hash chain and ends at the head
 * {@code manifest.json} recorded: a removed, reordered, edited or appended line is named.
 */
final class CustodyLogCheck {
    static final String NAME = "custody-log";

    private CustodyLogCheck() {
    }

    static List<Check> run(OpenBundle b) {
        List<Check> out = new ArrayList<>();
        String file = BundleLayout.EVENTS;
        if (!b.has(file)) {
            out.add(Check.fail(NAME, Reason.MISSING, file, file + ": missing from the bundle"));
            return out;
        }
        CustodyManifest m = b.custodyManifest(NAME, out);
        Sha256 head = null;
        if (m != null) {
            try {
                head = new Sha256(m.custodyLogHead());
            } catch (IllegalArgumentException e) {
                out.add(Check.fail(NAME, Reason.MALFORMED, BundleLayout.CUSTODY_MANIFEST, BundleLayout.CUSTODY_MANIFEST
                        + ": custodyLogHead " + e.getMessage()));
            }
        }
        try (InputStream in = b.zip.open(b.zip.entry(file))) {
            ChainReport r = ChainVerifier.check(in, head);
            if (!r.intact()) {
                out.add(Check.fail(NAME, Reason.CHAIN_BROKEN, file, file + ": " + r.firstBreak().message()));
            } else if (head != null) {
                out.add(Check.pass(NAME, file, file + ": chain intact, " + r.lines() + " lines, head " + r.head()
                        + " bound by " + BundleLayout.CUSTODY_MANIFEST));
            }
        } catch (IOException e) {
            out.add(Check.fail(NAME, Reason.MALFORMED, file, file + ": unreadable: " + e.getMessage()));
        }
        return out;
    }
}
