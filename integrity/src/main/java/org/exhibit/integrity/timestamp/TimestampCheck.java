package org.exhibit.integrity.timestamp;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking one {@code .tsr} against its data.
 *
 * @param ok             every check held (an untrusted chain still counts as ok; see {@code trusted})
 * @param reason         one line: why it failed, or "valid" when ok
 * @param genTime        the TSA's time, null when the response could not be read
 * @param tsaSubject     the TSA certificate's subject, null when unknown
 * @param tsaFingerprint SHA-256 of the TSA certificate (lower-case hex), null when unknown
 * @param trusted        the TSA chain reaches a trust anchor at genTime
 * @param warnings       what holds but deserves a look, one line each
 * @param policy         the token's TSA policy OID, null when unknown
 */
public record TimestampCheck(boolean ok, String reason, Instant genTime, String tsaSubject, String tsaFingerprint,
                             boolean trusted, List<String> warnings, String policy) {
    public TimestampCheck {
        warnings = List.copyOf(warnings);
    }

    static TimestampCheck failed(String reason) {
        return new TimestampCheck(false, reason, null, null, null, false, List.of(), null);
    }

    /** The token comes from an Exhibit TSA (in process or {@code exhibit tsa serve}), not a public authority. */
    public boolean selfRun() {
        return TsaServer.POLICY.equals(policy);
    }
}
