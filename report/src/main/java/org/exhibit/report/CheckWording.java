package org.exhibit.report;

import org.exhibit.integrity.bundle.Check;

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
            case "zip" -> pass ? "The bundle file is a well-formed ZIP that is safe to open."
                    : "The bundle file could not be opened safely, so nothing in it was relied on.";
            case "bagit" -> pass ? "Every file the bag's manifest " + file + " lists is present and matches its SHA-256."
                    : capitalise(named(file)) + " does not match the bag's manifests: it is not what was sealed on "
                    + sealed + ".";
            case "records" -> records(c, pass, warn);
            case "manifest" -> pass ? "The custody manifest binds the bag's manifest and every record, as sealed."
                    : "The custody manifest does not match " + file + ": the bundle was changed after it was sealed.";
            case "signature" -> pass ? "The investigator's digital signature over the custody manifest is valid."
                    : warn ? "The investigator's certificate is not in your trust list: the signature is valid, but whose "
                    + "key made it must be confirmed another way (compare the fingerprint below with the investigator)."
                    : "The investigator's signature over the custody manifest is not valid: the manifest was changed "
                    + "or signed by someone else.";
            case "timestamp" -> pass ? "The time-stamp " + file + " is valid: an independent authority vouches for when "
                    + "this data existed."
                    : warn ? "The time-stamp " + file + " holds, with a caveat about whom to trust (below)."
                    : "The time-stamp " + file + " does not hold for the data it stamps.";
            case "custody-log" -> pass ? "The chain-of-custody log is complete and unaltered since the seal."
                    : "The chain-of-custody log was altered: a line was removed, reordered or edited.";
            case "unlisted" -> pass ? "Nothing was added to the bundle after it was sealed."
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
