package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.timestamp.TimestampCheck;
import org.exhibit.integrity.timestamp.TimestampVerifier;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * The records of a workspace as they will be sealed, checked first: every artifact a record lists is there with
 * its recorded hash, and every timestamp beside a record is valid for it. A workspace that fails either is not
 * sealed: the bundle would fail verification.
 */
final class SealedRecords {
    final List<CustodyManifest.SealedRecord> captures = new ArrayList<>();
    final List<CustodyManifest.SealedRecord> items = new ArrayList<>();
    /** Every record token: its bundle path, mapped to the record it stamps. */
    final Map<String, String> tokens = new TreeMap<>();
    final List<String> pending = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    static SealedRecords read(Payload payload) throws IOException, SealException {
        SealedRecords r = new SealedRecords();
        List<RecordRef> records = Records.among(payload.files().keySet());
        TreeSet<String> folders = new TreeSet<>();
        for (String path : payload.files().keySet()) {
            String[] parts = path.split("/");
            if (parts.length > 3 && (path.startsWith(BundleLayout.CAPTURES) || path.startsWith(BundleLayout.FILES))) {
                folders.add(parts[0] + "/" + parts[1] + "/" + parts[2]);
            }
        }
        records.forEach(rec -> folders.remove(rec.folder()));
        for (String folder : folders) {
            r.warnings.add(folder + ": no " + (folder.startsWith(BundleLayout.CAPTURES) ? CaptureFolder.RECORD
                    : ItemFolder.RECORD) + "; sealed without a record");
        }
        TimestampVerifier verifier = new TimestampVerifier();
        for (RecordRef rec : records) {
            r.add(payload, rec, verifier);
        }
        return r;
    }

    private void add(Payload payload, RecordRef ref, TimestampVerifier verifier) throws IOException, SealException {
        String record = ref.path();
        List<String> recordTokens = ref.tokens();
        Payload.File file = payload.files().get(record);
        EvidenceRecord root;
        try {
            root = EvidenceRecord.read(ref.kind(), Files.readAllBytes(file.source()));
        } catch (IOException e) {
            throw new SealException(record + ": unreadable record: " + RecordCheck.firstLine(e.getMessage()), e);
        }
        String folder = ref.folder() + "/";
        if (root.artifacts() == null) {
            throw new SealException(record + ": expected an \"artifacts\" list, got none");
        }
        for (Artifact a : root.artifacts()) {
            String path = folder + a.path();
            Payload.File f = payload.files().get(path);
            String expected = String.valueOf(a.sha256());
            if (f == null) {
                throw new SealException(path + ": listed in " + record + ", missing from the workspace");
            }
            if (!f.sha256().hex().equalsIgnoreCase(expected)) {
                throw new SealException(path + ": SHA-256 expected " + expected + ", got " + f.sha256() + " ("
                        + record + "); the file changed after it was recorded");
            }
        }
        Instant genTime = null;
        for (String token : recordTokens) {
            byte[] der = Files.readAllBytes(payload.files().get(token).source());
            TimestampCheck c = verifier.verify(der, file.sha256().bytes(), null, TrustAnchors.none());
            if (!c.ok()) {
                throw new SealException(token + ": invalid for " + record + ": " + c.reason());
            }
            tokens.put(token, record);
            genTime = genTime == null || c.genTime().isBefore(genTime) ? c.genTime() : genTime;
        }
        if (recordTokens.isEmpty()) {
            pending.add(record);
            warnings.add(record + ": timestamp pending; run `exhibit stamp` and seal again to stamp it");
        }
        String id = ref.id();
        if (root instanceof CaptureRecord c) {
            captures.add(new CustodyManifest.SealedRecord(id, record, c.requestedUrl(), null, file.sha256().hex(),
                    genTime));
        } else if (root instanceof ItemRecord i) {
            String source = i.source() == null ? i.originalName() : i.originalName() + " (" + i.source() + ")";
            items.add(new CustodyManifest.SealedRecord(id, record, null, source, file.sha256().hex(), genTime));
        }
    }
}
