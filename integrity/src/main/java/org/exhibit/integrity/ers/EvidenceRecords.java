package org.exhibit.integrity.ers;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSDataGroup;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordGenerator;
import org.bouncycastle.tsp.ers.ERSException;
import org.exhibit.integrity.timestamp.StampedToken;
import org.exhibit.integrity.timestamp.TimestampException;
import org.exhibit.integrity.timestamp.Timestamper;

/**
 * Creates and renews the RFC 4998 evidence record (DER {@code EvidenceRecord}) over a set of files, treated as one
 * data group: one hash tree whose first level lists every file's hash, one archive timestamp over its root.
 *
 * <pre>{@code
 * byte[] ers = EvidenceRecords.create(files, timestamper);                 // at sealing
 * ers = EvidenceRecords.renewTimestamp(ers, timestamper);                 // before the TSA certificate expires
 * ers = EvidenceRecords.renewHashTree(ers, TSPAlgorithms.SHA512, files, timestamper);   // before SHA-256 weakens
 * }</pre>
 */
public final class EvidenceRecords {
    /** The digest algorithms of hash trees Exhibit creates and checks. */
    public static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest calculators: " + e.getMessage(), e);
        }
    }

    /** One archive timestamp of the record, in order, with its chain and the certificate that signed it. */
    public record Stamp(int chain, int index, String algorithm, Instant genTime, String tsa, Instant notAfter) {
    }

    private EvidenceRecords() {
    }

    /** A new evidence record over {@code files} (SHA-256 hash tree), stamped by the first TSA that answers. */
    public static byte[] create(List<FileData> files, Timestamper timestamper) throws TimestampException, IOException {
        try {
            ERSArchiveTimeStampGenerator generator = new ERSArchiveTimeStampGenerator(digest(TSPAlgorithms.SHA256));
            generator.addData(group(files));
            TimeStampRequest request = generator.generateTimeStampRequest(new TimeStampRequestGenerator());
            StampedToken token = timestamper.stamp(request.getMessageImprintDigest());
            ERSArchiveTimeStamp ats = generator.generateArchiveTimeStamp(new TimeStampResponse(token.response()));
            return new ERSEvidenceRecordGenerator(DIGESTS).generate(ats).getEncoded();
        } catch (TSPException | ERSException e) {
            throw new IOException("cannot build the evidence record: " + e.getMessage(), e);
        }
    }

    /**
     * Timestamp renewal (RFC 4998, 5.2): a new archive timestamp, in the same chain, over the last one; the hash
     * tree's algorithm stays.
     */
    public static byte[] renewTimestamp(byte[] ers, Timestamper timestamper) throws TimestampException, IOException {
        try {
            ERSEvidenceRecord record = new ERSEvidenceRecord(ers, DIGESTS);
            TimeStampRequest request = record.generateTimeStampRenewalRequest(new TimeStampRequestGenerator());
            StampedToken token = timestamper.stamp(request.getMessageImprintAlgOID(),
                    request.getMessageImprintDigest());
            return record.renewTimeStamp(new TimeStampResponse(token.response())).getEncoded();
        } catch (TSPException | ERSException | RuntimeException e) {
            throw new IOException("cannot renew the evidence record's timestamp: " + e.getMessage(), e);
        }
    }

    /**
     * Hash-tree renewal (RFC 4998, 5.3): a new chain whose hash tree, under {@code algorithm}, covers every file
     * again (each chained with the digest of the earlier chains), stamped with an imprint of that algorithm.
     */
    public static byte[] renewHashTree(byte[] ers, ASN1ObjectIdentifier algorithm, List<FileData> files,
                                       Timestamper timestamper) throws TimestampException, IOException {
        try {
            ERSEvidenceRecord record = new ERSEvidenceRecord(ers, DIGESTS);
            DigestCalculator calc = digest(algorithm);
            ERSDataGroup data = group(files);
            TimeStampRequest request = record.generateHashRenewalRequest(calc, data, new TimeStampRequestGenerator());
            StampedToken token = timestamper.stamp(algorithm, request.getMessageImprintDigest());
            return record.renewHash(digest(algorithm), data, new TimeStampResponse(token.response())).getEncoded();
        } catch (TSPException | ERSException | RuntimeException e) {
            throw new IOException("cannot renew the evidence record's hash tree: " + e.getMessage(), e);
        }
    }

    /** Every archive timestamp in order: when it was made, by whom, and until when its TSA certificate is valid. */
    public static List<Stamp> stamps(byte[] ers) throws IOException {
        List<Stamp> out = new ArrayList<>();
        try {
            ArchiveTimeStampChain[] chains = EvidenceRecord.getInstance(ers).getArchiveTimeStampSequence()
                    .getArchiveTimeStampChains();
            for (int c = 0; c < chains.length; c++) {
                ArchiveTimeStamp[] all = chains[c].getArchiveTimestamps();
                for (int i = 0; i < all.length; i++) {
                    ERSArchiveTimeStamp ats = new ERSArchiveTimeStamp(all[i], DIGESTS);
                    X509CertificateHolder signer = ats.getSigningCertificate();
                    out.add(new Stamp(c, i, algorithmName(all[i].getDigestAlgorithmIdentifier().getAlgorithm()),
                            ats.getGenTime().toInstant(), signer == null ? "unknown TSA" : signer.getSubject()
                            .toString(), signer == null ? null : signer.getNotAfter().toInstant()));
                }
            }
        } catch (TSPException | ERSException | RuntimeException e) {
            throw new IOException("not an RFC 4998 evidence record: " + e.getMessage(), e);
        }
        return out;
    }

    /** The digest of chains {@code 0 .. upTo-1}, as a renewed hash tree chains each file's hash with it. */
    public static byte[] previousChains(ArchiveTimeStampChain[] chains, int upTo, DigestCalculator calc)
            throws IOException {
        if (upTo == 0) {
            return null;
        }
        ArchiveTimeStampChain[] earlier = java.util.Arrays.copyOf(chains, upTo);
        try (var out = calc.getOutputStream()) {
            out.write(new DERSequence(earlier).getEncoded(ASN1Encoding.DER));
        }
        return calc.getDigest();
    }

    /** A token's DER, as a timestamp renewal hashes it. */
    public static byte[] encoded(ArchiveTimeStamp ats) throws IOException {
        return ats.getTimeStamp().getEncoded(ASN1Encoding.DER);
    }

    public static TimeStampToken token(ArchiveTimeStamp ats) throws IOException {
        try {
            return new TimeStampToken(ats.getTimeStamp());
        } catch (TSPException e) {
            throw new IOException("archive timestamp without a valid token: " + e.getMessage(), e);
        }
    }

    public static DigestCalculator digest(ASN1ObjectIdentifier algorithm) throws IOException {
        try {
            return DIGESTS.get(new AlgorithmIdentifier(algorithm));
        } catch (OperatorCreationException e) {
            throw new IOException("unsupported digest algorithm " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /** "SHA-256", "SHA-512", or the OID. */
    public static String algorithmName(ASN1ObjectIdentifier algorithm) {
        if (TSPAlgorithms.SHA256.equals(algorithm)) {
            return "SHA-256";
        }
        if (TSPAlgorithms.SHA384.equals(algorithm)) {
            return "SHA-384";
        }
        if (TSPAlgorithms.SHA512.equals(algorithm)) {
            return "SHA-512";
        }
        return algorithm.getId();
    }

    /** Whether {@link #algorithm(String)} knows the name. */
    public static boolean isSupported(String name) {
        return name != null && algorithm(name) != null;
    }

    /** "sha256", "sha-512", "SHA512" and the like; null when not one of SHA-256/384/512. */
    public static ASN1ObjectIdentifier algorithm(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace("-", "")) {
            case "sha256" -> TSPAlgorithms.SHA256;
            case "sha384" -> TSPAlgorithms.SHA384;
            case "sha512" -> TSPAlgorithms.SHA512;
            default -> null;
        };
    }

    private static ERSDataGroup group(List<FileData> files) {
        return new ERSDataGroup(new ArrayList<ERSData>(files));
    }
}
