package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.ers.EvidenceRecords;
import org.exhibit.integrity.ers.FileData;
import org.exhibit.integrity.timestamp.TimestampException;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * Renews a bundle's RFC 4998 evidence record into a new bundle: every other entry copied as it is (same name, same
 * bytes, same order), only {@code evidence-record.ers} replaced by one with a new archive timestamp over the last
 * (timestamp renewal) or a new hash tree under another algorithm over every file (hash-tree renewal). The
 * evidence record must hold as it is, now: a renewal never lends time to a changed file, nor revives an expired
 * proof.
 *
 * <pre>{@code
 * BundleRenewer.stamps(bundle).forEach(s -> System.out.println(s.genTime() + " renew before " + s.notAfter()));
 * BundleRenewer.renew(bundle, Path.of("renewed.zip"), timestamper, null);                   // timestamp renewal
 * BundleRenewer.renew(bundle, Path.of("renewed2.zip"), timestamper, "sha512");  // hash-tree renewal
 * }</pre>
 */
public final class BundleRenewer {
    private BundleRenewer() {
    }

    /** The evidence record's archive timestamps, in order. */
    public static List<EvidenceRecords.Stamp> stamps(Path bundle) throws IOException, SealException {
        try (SafeZip zip = SafeZip.open(bundle, ZipLimits.DEFAULT)) {
            return EvidenceRecords.stamps(evidenceRecord(bundle, zip));
        }
    }

    /**
     * @param hashTreeAlgorithm null for a timestamp renewal, else the algorithm of the new hash tree ("sha512")
     * @throws SealException the bundle has no evidence record, or it does not hold now (the message says why)
     */
    public static void renew(Path bundle, Path target, Timestamper timestamper, String hashTreeAlgorithm)
            throws IOException, SealException {
        ASN1ObjectIdentifier hashTree = null;
        if (hashTreeAlgorithm != null) {
            hashTree = EvidenceRecords.algorithm(hashTreeAlgorithm);
            if (hashTree == null) {
                throw new IllegalArgumentException("expected a hash-tree algorithm sha512, sha384 or sha256, got "
                        + hashTreeAlgorithm);
            }
        }
        if (Files.exists(target)) {
            throw new SealException(target + ": exists; expected a new file (a bundle is never overwritten)");
        }
        String name = bundle.getFileName().toString();
        try (SafeZip zip = SafeZip.open(bundle, ZipLimits.DEFAULT)) {
            byte[] ers = evidenceRecord(bundle, zip);
            OpenBundle b;
            try {
                b = OpenBundle.hash(name, zip);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SealException(bundle + ": interrupted while hashing");
            }
            List<Check> checks = EvidenceRecordCheck.run(b, TrustAnchors.none(), Instant.now());
            for (Check c : checks) {
                if (c.status() == Check.Status.FAIL) {
                    throw new SealException(bundle + ": cannot renew: " + c.message());
                }
            }
            byte[] renewed;
            try {
                if (hashTree == null) {
                    renewed = EvidenceRecords.renewTimestamp(ers, timestamper);
                } else {
                    List<FileData> files = new ArrayList<>();
                    for (SafeZip.Entry e : zip.entries()) {
                        if (!e.name().equals(BundleLayout.EVIDENCE_RECORD)) {
                            files.add(FileData.of(e.name(), b.sha256(e.name()).bytes(), () -> zip.open(e)));
                        }
                    }
                    renewed = EvidenceRecords.renewHashTree(ers, hashTree, files, timestamper);
                }
            } catch (TimestampException e) {
                throw new SealException(BundleLayout.EVIDENCE_RECORD + ": no archive timestamp: " + e.getMessage()
                        + "; check the TSA (--tsa) and renew again", e);
            }
            write(zip, b, renewed, target);
        }
    }

    private static byte[] evidenceRecord(Path bundle, SafeZip zip) throws IOException, SealException {
        SafeZip.Entry entry = zip.entry(BundleLayout.EVIDENCE_RECORD);
        if (entry == null) {
            throw new SealException(bundle + ": has no " + BundleLayout.EVIDENCE_RECORD + " (sealed by an Exhibit "
                    + "without evidence records); it cannot be renewed, only sealed again from its case");
        }
        return zip.readAll(entry, OpenBundle.MAX_READ);
    }

    private static void write(SafeZip zip, OpenBundle b, byte[] renewed, Path target) throws IOException,
            SealException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        List<SafeZip.Entry> entries = new ArrayList<>(zip.entries());
        entries.sort((x, y) -> x.name().compareTo(y.name()));
        // the seal time the entries carry (DOS time: UTC wall-clock fields)
        Instant sealedAt = entries.isEmpty() ? Instant.now() : Instant.ofEpochMilli(entries.get(0).time())
                .atZone(ZoneId.systemDefault()).toLocalDateTime().toInstant(ZoneOffset.UTC);
        try {
            try (ZipWriter out = new ZipWriter(tmp, sealedAt)) {
                for (SafeZip.Entry e : entries) {
                    if (e.name().equals(BundleLayout.EVIDENCE_RECORD)) {
                        out.add(e.name(), renewed);
                        continue;
                    }
                    Sha256 written;
                    try (InputStream in = zip.open(e)) {
                        written = out.add(e.name(), in, e.size(), e.crc(), !e.stored());
                    }
                    if (!written.equals(b.sha256(e.name()))) {
                        throw new SealException(e.name() + ": SHA-256 expected " + b.sha256(e.name()) + ", got "
                                + written + " (the bundle changed while renewing)");
                    }
                }
                out.finish();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
