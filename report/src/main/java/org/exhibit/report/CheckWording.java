package org.exhibit.report;

import org.exhibit.integrity.bundle.Check;
import org.exhibit.integrity.bundle.Reason;

/** Each verification check in plain words, for a reader who is not a cryptographer. The verifier's own line follows. */
final class CheckWording {
    private final EvidenceNames names;
    private final String sealed;

    CheckWording(EvidenceNames names, String sealed) {
        this.names = names;
        this.sealed = sealed;
    }

    String say(Check c) {
        boolean pass = c.status() == Check.Status.PASS;
        boolean warn = c.status() == Check.Status.WARN;
        String file = c.file();
        return switch (c.name()) {
            case "zip" -> pass ? "The bundle file is a well-formed ZIP that is safe to open, and every tool reads the "
                    + "same files from it."
                    : "The bundle file could not be opened safely, or different tools would read different files from "
                    + "it, so nothing in it was relied on.";
            case "bagit" -> pass ? "Every file the bag's manifest " + file + " lists is present and matches its SHA-256."
                    : capitalise(named(file)) + " does not match the bag's manifests: it is not what was sealed on "
                    + sealed + ".";
            case "records" -> records(c, pass, warn);
            case "manifest" -> pass ? "The custody manifest binds the bag's manifest and every record, as sealed."
                    : "The custody manifest does not match " + file + ": the bundle was changed after it was sealed.";
            case "signature" -> pass ? "The investigator's digital signature over the bundle's manifests is valid: "
                    + "no file was added, removed or changed since they signed."
                    : c.reason() == Reason.LEGACY_FORMAT ? "This bundle was sealed by an older Exhibit (format 1), whose "
                    + "signature covers the custody manifest only: the verification instructions and the choice of "
                    + "time-stamps are protected by a checksum anyone could recompute."
                    : warn ? "Nobody vouched for the investigator's certificate (no --trust): the signature is valid, "
                    + "but whose key made it must be confirmed another way (compare the fingerprint below with the "
                    + "investigator)."
                    : "The investigator's signature does not hold: the bundle was changed after it was signed, or "
                    + "signed by someone you did not say to trust.";
            case "identity" -> pass ? "Every record and every line of the custody log names the investigator who "
                    + "signed the bundle."
                    : warn ? capitalise(named(file)) + " does not say who made it, so it cannot be tied to the signer."
                    : capitalise(named(file)) + " names another investigator than the one who signed: the bundle was "
                    + "re-signed by someone else.";
            case "time-order" -> pass ? "Every time-stamp and custody event is in time order, and the seal came last."
                    : "The times do not add up (" + file + "): a record stamped after the seal, or a custody event out "
                    + "of order — time-stamps were replaced after the fact.";
            case "timestamp" -> pass && c.reason() == Reason.SELF_RUN_TSA ? "The time-stamp " + file + " is valid. "
                    + "It comes from Exhibit's own time-stamping authority, whose root you chose to trust: run by the "
                    + "investigator or their office, not from a public one."
                    : pass ? "The time-stamp " + file + " is valid: an independent authority vouches for when "
                    + "this data existed."
                    : warn && c.reason() == Reason.STAMP_PENDING ? "The file " + file + " lacks a time-stamp: "
                    + "none yet, or not from every authority that stamped the other files."
                    : warn && c.reason() == Reason.TOKEN_INVALID ? "The time-stamp " + file + " does not hold, but "
                    + "another authority's time-stamp of the same file does."
                    : warn ? "The time-stamp " + file + " holds, with a caveat about whom to trust (below)."
                    : "The time-stamp " + file + " does not hold for the data it stamps.";
            case "evidence-record" -> pass ? "The long-term evidence record (RFC 4998) covers every file of the "
                    + "bundle as sealed, and its time-stamps were each renewed in time."
                    : warn && c.reason() == Reason.NO_EVIDENCE_RECORD ? "The bundle has no long-term evidence record "
                    + "(it was sealed by an older Exhibit), so its proof cannot be renewed."
                    : warn ? "The evidence record holds, with a caveat about whom to trust (below)."
                    : capitalise(named(file)) + " is not covered by the bundle's long-term evidence record, or that "
                    + "record's time-stamps lapsed: it was changed after sealing, or not renewed in time.";
            case "custody-log" -> pass ? "The chain-of-custody log is complete and unaltered since the seal."
                    : "The chain-of-custody log was altered: a line was removed, reordered or edited.";
            case "unlisted" -> pass ? "Nothing was added to the bundle after it was sealed."
                    : c.reason() == Reason.MISSING ? "The file " + file + ", which every bundle "
                    + "carries, is missing: it was removed after sealing."
                    : "The file " + file + " was added to the bundle after it was sealed (no manifest lists it).";
            default -> c.status() + ": " + c.name();
        };
    }

    private String records(Check c, boolean pass, boolean warn) {
        if (warn) {
            return "The bundle holds no capture or item records.";
        }
        if (pass) {
            String record = names.record(c.file());
            String shot = names.screenshotOf(c.file());
            if (shot != null) {
                return capitalise(shot) + " is byte-for-byte what was sealed on " + sealed
                        + ", and so is every other file of " + record + ".";
            }
            return "Every file of " + (record == null ? c.file() : record) + " is byte-for-byte what was sealed on "
                    + sealed + ".";
        }
        return capitalise(named(c.file())) + " is NOT what was sealed on " + sealed
                + ": it was changed, replaced or removed.";
    }

    /** "the screenshot of https://… (data/captures/0001/screenshot-viewport.png)", or "the file data/…". */
    private String named(String file) {
        String what = names.file(file);
        return what == null ? "the file " + file : what + " (" + file + ")";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
