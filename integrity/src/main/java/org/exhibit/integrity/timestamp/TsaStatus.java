package org.exhibit.integrity.timestamp;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.tsp.TimeStampResponse;

/** Names of RFC 3161 PKIStatus values and PKIFailureInfo bits, for messages a person can read. */
final class TsaStatus {
    private static final String[] STATUS = {"granted", "grantedWithMods", "rejection", "waiting",
            "revocationWarning", "revocationNotification"};
    private static final int[] FAIL_BITS = {PKIFailureInfo.badAlg, PKIFailureInfo.badRequest,
            PKIFailureInfo.badDataFormat, PKIFailureInfo.timeNotAvailable, PKIFailureInfo.unacceptedPolicy,
            PKIFailureInfo.unacceptedExtension, PKIFailureInfo.addInfoNotAvailable, PKIFailureInfo.systemFailure};
    private static final String[] FAIL_NAMES = {"badAlg", "badRequest", "badDataFormat", "timeNotAvailable",
            "unacceptedPolicy", "unacceptedExtension", "addInfoNotAvailable", "systemFailure"};

    private TsaStatus() {
    }

    /** E.g. "rejection (badAlg): unsupported algorithm". */
    static String describe(TimeStampResponse response) {
        int status = response.getStatus();
        StringBuilder s = new StringBuilder(status >= 0 && status < STATUS.length ? STATUS[status] : "unknown " + status);
        PKIFailureInfo fail = response.getFailInfo();
        if (fail != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < FAIL_BITS.length; i++) {
                if ((fail.intValue() & FAIL_BITS[i]) != 0) {
                    names.add(FAIL_NAMES[i]);
                }
            }
            s.append(" (").append(names.isEmpty() ? "failInfo " + fail.intValue() : String.join(", ", names)).append(')');
        }
        if (response.getStatusString() != null) {
            s.append(": ").append(response.getStatusString());
        }
        return s.toString();
    }
}
