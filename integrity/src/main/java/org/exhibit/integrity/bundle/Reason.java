package org.exhibit.integrity.bundle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a check warned or failed (and, on a passed check, a note such as {@link #SELF_RUN_TSA}), for programs: the CLI, {@code --json} and the verification report word a finding
 * from its step and reason, never from its English message. docs/FORMAT.md lists them.
 */
public enum Reason {
    /** The path is not a file, or cannot be read. */
    UNREADABLE,
    /** The ZIP is hostile, truncated or corrupt: it cannot be read safely. */
    UNSAFE_ZIP,
    /** The ZIP has two readings (local headers and central directory disagree). */
    AMBIGUOUS_ZIP,
    /** Verification was interrupted. */
    INTERRUPTED,
    /** A step broke on its input; the message says where. */
    CHECK_FAILED_TO_RUN,
    /** A file the bundle must hold, or that a manifest or record lists, is not there. */
    MISSING,
    /** An entry's bytes do not inflate to what the ZIP declares (CRC-32, size, deflate stream). */
    DAMAGED,
    /** A file's SHA-256 is not the one its manifest or record lists. */
    HASH_MISMATCH,
    /** A tag file, manifest or record that cannot be parsed. */
    MALFORMED,
    /** bagit.txt or bag-info.txt says something else than it must (version, encoding, format, Payload-Oxum). */
    BAG_DECLARATION,
    /** A manifest lists a file it must not (a tag file in the payload manifest, or the other way round). */
    MANIFEST_SCOPE,
    /** A record lists an artifact path that escapes its folder. */
    BAD_ARTIFACT_PATH,
    /** The bundle holds no capture or item record. */
    NO_RECORDS,
    /** custody/manifest.json does not bind the payload manifest, the case id or a record as they are. */
    NOT_BOUND,
    /** The signature does not hold for the file it signs. */
    SIGNATURE_INVALID,
    /** The signer is not the investigator custody/manifest.json names. */
    SIGNER_NOT_INVESTIGATOR,
    /** With --trust: the signer is not one of the trusted certificates. */
    SIGNER_UNTRUSTED,
    /** Without --trust: nobody vouched for the signer's certificate. */
    SIGNER_UNVERIFIED,
    /** A format-1 bundle, whose signature covers custody/manifest.json only. */
    LEGACY_FORMAT,
    /** A record or custody-log line names another investigator than the signer. */
    AUTHOR_NOT_SIGNER,
    /** A record names no investigator. */
    AUTHOR_UNNAMED,
    /** A record has no timestamp yet. */
    STAMP_PENDING,
    /** A timestamp token does not hold for the file it stamps, or custody/manifest.json has none. */
    TOKEN_INVALID,
    /** A valid token whose TSA does not chain to a trust anchor. */
    TSA_UNTRUSTED,
    /**
     * A token from an Exhibit TSA run by the investigator or their office, not a public authority: a warning while
     * its root is not trusted, a note on a passed check once it is.
     */
    SELF_RUN_TSA,
    /** custody/manifest.json records another genTime for a record than its tokens give. */
    GENTIME_MISMATCH,
    /** The custody log's hash chain is broken or does not end at the bound head. */
    CHAIN_BROKEN,
    /** A record was stamped after the seal. */
    STAMPED_AFTER_SEAL,
    /** The custody log's times go backwards. */
    EVENTS_OUT_OF_ORDER,
    /** A custody-log line names a genTime its token does not give: the token was replaced. */
    TOKEN_REPLACED,
    /** A file that no manifest lists. */
    UNLISTED,
    /** The bundle carries no RFC 4998 evidence record (sealed before Exhibit made one). */
    NO_EVIDENCE_RECORD,
    /**
     * The evidence record does not hold: a file it does not cover (changed, added or removed), a broken hash tree,
     * or an archive timestamp that is invalid or was not renewed while its TSA certificate was valid.
     */
    EVIDENCE_RECORD_INVALID;

    /** "signer-untrusted". */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
