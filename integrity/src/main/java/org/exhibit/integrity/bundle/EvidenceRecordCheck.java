package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSDataGroup;
import org.bouncycastle.tsp.ers.ERSException;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.ers.EvidenceRecords;
import org.exhibit.integrity.ers.FileData;
import org.exhibit.integrity.timestamp.TimestampCheck;
import org.exhibit.integrity.timestamp.TimestampVerifier;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * The RFC 4998 evidence record ({@code evidence-record.ers}) over every other file of the bundle: for each hash
 * tree (chain), every file's hash, recomputed from the ZIP under that tree's algorithm (and chained with the earlier
 * chains), is in its first level, no more and no fewer, and the tree's root is what its first archive timestamp
 * stamps; each later archive timestamp of a chain covers the ones before it; every archive timestamp is a valid
 * token whose TSA certificate was still valid when the next one was made (the last: at the validation time), in
 * time order, from a TSA that chains to a trust anchor (else a warning).
 */
final class EvidenceRecordCheck {
    static final String NAME = "evidence-record";
    private static final String FILE = BundleLayout.EVIDENCE_RECORD;
    private static final HexFormat HEX = HexFormat.of();

    private EvidenceRecordCheck() {
    }

    static List<Check> run(OpenBundle b, TrustAnchors anchors, Instant validationTime) {
        List<Check> out = new ArrayList<>();
        if (!b.has(FILE)) {
            out.add(Check.warn(NAME, Reason.NO_EVIDENCE_RECORD, FILE, FILE + ": missing; this bundle has no RFC 4998 "
                    + "evidence record (sealed by an Exhibit without one), so its proof cannot be renewed"));
            return out;
        }
        ArchiveTimeStampChain[] chains;
        try {
            chains = EvidenceRecord.getInstance(b.read(FILE)).getArchiveTimeStampSequence().getArchiveTimeStampChains();
        } catch (IOException | RuntimeException e) {
            out.add(fail(FILE + ": not an RFC 4998 evidence record: " + RecordCheck.firstLine(e.getMessage())));
            return out;
        }
        List<String> files = new ArrayList<>();
        for (String name : b.names()) {
            if (!name.equals(FILE)) {
                files.add(name);
            }
        }
        List<ArchiveTimeStamp> sequence = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < chains.length; c++) {
            ArchiveTimeStamp[] all = chains[c].getArchiveTimestamps();
            if (all.length == 0) {
                out.add(fail(FILE + ": chain " + (c + 1) + " holds no archive timestamp"));
                return out;
            }
            if (!hashTree(b, files, chains, c, out)) {
                return out;
            }
            for (int i = 0; i < all.length; i++) {
                if (i > 0 && !renews(all, i, c, out)) {
                    return out;
                }
                sequence.add(all[i]);
                labels.add("archive timestamp " + (sequence.size()) + " (chain " + (c + 1) + ", "
                        + EvidenceRecords.algorithmName(all[i].getDigestAlgorithmIdentifier().getAlgorithm()) + ")");
            }
        }
        tokens(sequence, labels, anchors, validationTime, out);
        return out;
    }

    /** Chain {@code c}'s hash tree covers exactly the bundle's files and its root is what its first timestamp stamps. */
    private static boolean hashTree(OpenBundle b, List<String> files, ArchiveTimeStampChain[] chains, int c,
                                    List<Check> out) {
        ArchiveTimeStamp first = chains[c].getArchiveTimestamps()[0];
        ASN1ObjectIdentifier algorithm = first.getDigestAlgorithmIdentifier().getAlgorithm();
        String tree = "hash tree " + (c + 1) + " (" + EvidenceRecords.algorithmName(algorithm) + ")";
        PartialHashtree[] reduced = first.getReducedHashTree();
        if (reduced == null || reduced.length == 0) {
            out.add(fail(FILE + ": " + tree + " lists no file hashes"));
            return false;
        }
        Set<String> listed = new HashSet<>();
        for (byte[] value : reduced[0].getValues()) {
            listed.add(HEX.formatHex(value));
        }
        List<ERSData> data = new ArrayList<>();
        int uncovered = 0;
        try {
            DigestCalculator calc = EvidenceRecords.digest(algorithm);
            byte[] previous = EvidenceRecords.previousChains(chains, c, EvidenceRecords.digest(algorithm));
            Set<String> seen = new HashSet<>();
            List<Check> perFile = new ArrayList<>();
            for (String name : files) {
                if (b.damage(name) != null) {
                    perFile.add(fail(name, b.damage(name)));
                    uncovered++;
                    continue;
                }
                FileData f = FileData.of(name, b.sha256(name).bytes(), () -> b.zip.open(b.zip.entry(name)));
                data.add(f);
                // under SHA-256 the digest taken while hashing the ZIP; under another algorithm the file is read
                // once, and the group's root below reuses that (ERSCachingData keeps it) rather than reading again
                String leaf = HEX.formatHex(f.getHash(calc, previous));
                seen.add(leaf);
                if (!listed.contains(leaf)) {
                    uncovered++;
                    perFile.add(fail(name, name + ": not as " + FILE + " covers it (" + tree + "): the file changed, or was "
                            + "added, after the evidence record was made"));
                }
            }
            if (files.size() > 1 && uncovered == files.size()) {
                // no file matches: what changed is the evidence record itself (or every file at once)
                out.add(fail(FILE + ": " + tree + " matches none of the bundle's " + files.size() + " files: "
                        + FILE + " was changed (or every file was)"));
                return false;
            }
            out.addAll(perFile);
            listed.removeAll(seen);
            if (uncovered == 0 && !listed.isEmpty()) {
                out.add(fail(FILE + ": " + tree + " covers " + listed.size() + " file(s) the bundle does not hold: "
                        + "a file was removed or renamed"));
                return false;
            }
            if (uncovered > 0) {
                return false;
            }
            ERSDataGroup group = new ERSDataGroup(data);
            ERSArchiveTimeStamp ats = new ERSArchiveTimeStamp(first, EvidenceRecords.DIGESTS);
            ats.validatePresent(true, group.getHash(calc, previous), new Date(Long.MAX_VALUE));
        } catch (IOException | UncheckedIOException e) {
            out.add(fail(FILE + ": " + tree + ": cannot hash the files: " + e.getMessage()));
            return false;
        } catch (ERSException | org.bouncycastle.tsp.TSPException | RuntimeException e) {
            out.add(fail(FILE + ": " + tree + ": its root is not what its archive timestamp stamps: "
                    + e.getMessage()));
            return false;
        }
        out.add(Check.pass(NAME, FILE, FILE + ": " + tree + " covers all " + files.size() + " files of the bundle"));
        return true;
    }

    /** A timestamp renewal: archive timestamp {@code i} of a chain covers every one before it. */
    private static boolean renews(ArchiveTimeStamp[] all, int i, int c, List<Check> out) {
        try {
            ERSArchiveTimeStamp renewal = new ERSArchiveTimeStamp(all[i], EvidenceRecords.DIGESTS);
            DigestCalculator calc = EvidenceRecords.digest(all[i].getDigestAlgorithmIdentifier().getAlgorithm());
            for (int j = 0; j < i; j++) {
                byte[] previous = EvidenceRecords.encoded(all[j]);
                try (var o = calc.getOutputStream()) {
                    o.write(previous);
                }
                renewal.validatePresent(false, calc.getDigest(), renewal.getGenTime());
            }
            return true;
        } catch (IOException | ERSException | org.bouncycastle.tsp.TSPException | RuntimeException e) {
            out.add(fail(FILE + ": chain " + (c + 1) + ", archive timestamp " + (i + 1) + " does not cover the ones "
                    + "before it: " + e.getMessage()));
            return false;
        }
    }

    /** Each token valid, its TSA certificate valid until the next one's genTime (the last: the validation time). */
    private static void tokens(List<ArchiveTimeStamp> sequence, List<String> labels, TrustAnchors anchors,
                               Instant validationTime, List<Check> out) {
        TimestampVerifier verifier = new TimestampVerifier();
        List<Instant> genTimes = new ArrayList<>();
        List<TimeStampToken> tokens = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            try {
                TimeStampToken token = EvidenceRecords.token(sequence.get(i));
                tokens.add(token);
                genTimes.add(token.getTimeStampInfo().getGenTime().toInstant());
            } catch (IOException | RuntimeException e) {
                out.add(fail(FILE + ": " + labels.get(i) + ": " + e.getMessage()));
                return;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            boolean last = i == tokens.size() - 1;
            Instant validAt = last ? validationTime : genTimes.get(i + 1);
            if (!last && genTimes.get(i + 1).isBefore(genTimes.get(i))) {
                out.add(fail(FILE + ": " + labels.get(i + 1) + " has genTime " + genTimes.get(i + 1)
                        + ", before the one it renews (" + genTimes.get(i) + ")"));
                continue;
            }
            TimeStampToken token = tokens.get(i);
            String carried = carriedCertificatesProblem(token);
            if (carried != null) {
                out.add(fail(FILE + ": " + labels.get(i) + ": " + carried));
                continue;
            }
            TimestampCheck c = verifier.verifyToken(token, token.getTimeStampInfo().getMessageImprintAlgOID(),
                    token.getTimeStampInfo().getMessageImprintDigest(), validAt, anchors);
            String when = last ? "at " + validAt + " (validation time)" : "when renewed at " + validAt;
            if (!c.ok()) {
                out.add(fail(FILE + ": " + labels.get(i) + ", genTime " + genTimes.get(i) + ": not valid " + when + ": "
                        + c.reason() + (last ? "; renew it (exhibit renew) while its TSA certificate is valid" : "")));
                continue;
            }
            String what = FILE + ": " + labels.get(i) + ", genTime " + c.genTime() + ", TSA " + c.tsaSubject()
                    + ", valid " + when;
            if (!c.trusted()) {
                out.add(Check.warn(NAME, Reason.TSA_UNTRUSTED, FILE, what + "; " + String.join("; ", c.warnings())));
            } else {
                out.add(Check.pass(NAME, FILE, what));
            }
        }
    }

    private static Check fail(String message) {
        return fail(FILE, message);
    }

    private static Check fail(String file, String message) {
        return Check.fail(NAME, Reason.EVIDENCE_RECORD_INVALID, file, message);
    }

    /**
     * Every certificate a token carries is a link of its signer's chain, each signed by the next one's key, a
     * self-signed root by its own: the signer's chain is checked to a trust anchor apart, and this makes a changed
     * byte in any carried certificate count as well.
     */
    static String carriedCertificatesProblem(TimeStampToken token) {
        List<X509CertificateHolder> certs = new ArrayList<>(token.getCertificates().getMatches(null));
        List<X509CertificateHolder> signers = new ArrayList<>(token.getCertificates().getMatches(token.getSID()));
        if (signers.isEmpty()) {
            return "carries no certificate of its signer";
        }
        List<X509CertificateHolder> chain = new ArrayList<>(List.of(signers.get(0)));
        X509CertificateHolder current = signers.get(0);
        try {
            while (chain.size() <= certs.size()) {
                X509CertificateHolder next = null;
                for (X509CertificateHolder issuer : certs) {
                    if (issuer.getSubject().equals(current.getIssuer())
                            && current.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
                        next = issuer;
                        break;
                    }
                }
                if (next == null || next == current || chain.contains(next)) {
                    break;
                }
                chain.add(next);
                current = next;
            }
            if (current.getSubject().equals(current.getIssuer())
                    && !current.isSignatureValid(new JcaContentVerifierProviderBuilder().build(current))) {
                return "carried root certificate " + current.getSubject() + " is not signed by its own key";
            }
        } catch (CertException | OperatorCreationException | java.security.cert.CertificateException
                 | RuntimeException e) {
            return "carried certificate " + current.getSubject() + " cannot be checked: " + e.getMessage();
        }
        for (X509CertificateHolder cert : certs) {
            if (!chain.contains(cert)) {
                return "carries certificate " + cert.getSubject() + ", which is no link of its signer's chain "
                        + "(changed, or added)";
            }
        }
        return null;
    }
}
