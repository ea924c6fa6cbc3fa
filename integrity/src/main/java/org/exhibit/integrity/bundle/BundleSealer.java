package org.exhibit.integrity.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BagLabels;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.integrity.crypt.EncryptedBundles;
import org.exhibit.integrity.crypt.EphemeralFile;
import org.exhibit.integrity.crypt.Recipients;
import org.exhibit.integrity.custody.ChainReport;
import org.exhibit.integrity.custody.CustodyLog;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.ers.EvidenceRecords;
import org.exhibit.integrity.ers.FileData;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.timestamp.EachStamp;
import org.exhibit.integrity.timestamp.StampedToken;
import org.exhibit.integrity.timestamp.TimestampException;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * Seals a case workspace into the evidence bundle docs/FORMAT.md specifies: everything under {@code data/} (never
 * {@code .work/} or {@code case.json}) as the payload of a BagIt 1.0 bag, with the custody manifest timestamped
 * (RFC 3161), the custody log, the certificates and a VERIFY.txt for this very bundle, all listed in the tag
 * manifest, which the investigator signs (CMS): every file but that signature is bound by it. Last, an RFC 4998
 * evidence record over every file, the signature included, is added outside the manifests ({@code exhibit renew}
 * replaces it). The workspace is checked first (every record's artifacts and timestamps); a {@code sealed} event is
 * appended to the custody log before its head is bound, and an {@code exported} event with the bundle's SHA-256
 * after it is written. Files are streamed and hashed on every core, never held whole; the ZIP is written to a
 * temporary file beside the target and renamed at the end.
 *
 * <pre>{@code
 * Identity me = new IdentityStore(home).load(passphrase);
 * Timestamper timestamper = new Timestamper(TsaEndpoint.defaults(), TrustAnchors.jdkDefaults());
 * SealedBundle b = new BundleSealer(me, timestamper, "1.0.0").seal(CaseWorkspace.open(caseDir), Path.of("."));
 * System.out.println(b.file() + " " + b.sha256());
 * }</pre>
 */
public final class BundleSealer {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Identity investigator;
    private final Timestamper timestamper;
    private final String exhibitVersion;
    private final Clock clock;
    private final ZipLimits limits;

    public BundleSealer(Identity investigator, Timestamper timestamper, String exhibitVersion) {
        this(investigator, timestamper, exhibitVersion, Clock.systemUTC());
    }

    /**
     * With a given clock for the seal time, truncated to seconds: reproducible bundles, tests, or a seal time fixed
     * beforehand ({@code Clock.fixed}) so a report sealed into the bundle can state it.
     */
    public BundleSealer(Identity investigator, Timestamper timestamper, String exhibitVersion, Clock clock) {
        this.investigator = investigator;
        this.timestamper = timestamper;
        this.exhibitVersion = exhibitVersion;
        this.clock = clock;
        this.limits = ZipLimits.DEFAULT;
    }

    /** {@code <case-id>-<yyyyMMdd'T'HHmmss'Z'>.zip} */
    public static String fileName(String caseId, Instant sealedAt) {
        return caseId + "-" + STAMP.format(sealedAt) + ".zip";
    }

    /**
     * The bundle {@link #seal} writes: {@code output} itself, or the standard {@link #fileName} in it when it is a
     * directory.
     */
    public static Path target(Path output, String caseId, Instant sealedAt) {
        return Files.isDirectory(output) ? output.resolve(fileName(caseId, sealedAt)) : output;
    }

    /**
     * Seals the case.
     *
     * @param output a directory (the bundle gets its standard name there) or the bundle file to write; never
     *               replaced if it exists
     * @throws SealException the case cannot be sealed as it is (a changed file, an invalid token, no TSA answered,
     *                       a broken custody log); the message names the file
     */
    public SealedBundle seal(CaseWorkspace ws, Path output) throws IOException, SealException {
        return seal(ws, output, null);
    }

    /**
     * Seals the case, encrypted when {@code encryptTo} is given: then the ZIP is written into an
     * {@link EphemeralFile} (never in plaintext on disk) and streamed out as {@code <target>.p7m}, CMS
     * AuthEnvelopedData ({@code crypt.BundleCipher}); the returned hash and size are the ZIP's, the file the
     * encrypted one.
     *
     * @param encryptTo who can open the bundle, or null for a plain ZIP
     */
    public SealedBundle seal(CaseWorkspace ws, Path output, Recipients encryptTo) throws IOException, SealException {
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path target = target(output, ws.id(), sealedAt);
        Path written = encryptTo == null ? target : EncryptedBundles.encryptedName(target);
        if (Files.exists(written)) {
            throw new SealException(written + ": exists; expected a new file (a bundle is never overwritten)");
        }
        Payload payload;
        try {
            payload = Payload.scan(ws.root(), limits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealException("interrupted while hashing " + ws.dataDir());
        }
        if (payload.files().isEmpty()) {
            throw new SealException(ws.dataDir() + ": nothing to seal; capture or ingest evidence first");
        }
        SealedRecords records = SealedRecords.read(payload);
        byte[] manifestTxt = payload.manifest().bytes();
        Sha256 payloadSha = Sha256.ofBytes(manifestTxt);
        CustodyLog log = ws.custody();
        ChainReport chain = log.verify();
        if (!chain.intact()) {
            throw new SealException(ws.root().relativize(log.file()) + ": " + chain.firstBreak().message()
                    + "; the custody log must be intact to seal");
        }
        String subject = "bundle:" + payloadSha.hex();
        log.append(investigator.actor(), CustodyEvent.SEALED, subject, sealedDetails(target, payload, records));
        try {
            Sha256 head = log.head();
            LogSnapshot snapshot = LogSnapshot.upTo(log.file(), head);
            CustodyManifest manifest = new CustodyManifest(BundleLayout.FORMAT, ws.id(), ws.info().title(),
                    investigator.actor(), exhibitVersion, sealedAt, payloadSha.hex(), records.captures,
                    records.items, head.hex());
            byte[] manifestJson = Json.bytes(manifest);
            EachStamp each = stamp(manifestJson);
            List<StampedToken> tokens = each.tokens();
            Map<String, byte[]> tags = tagFiles(ws, target, payload, records, manifest, manifestJson, manifestTxt,
                    tokens);
            sign(tags, snapshot);
            tags.put(BundleLayout.EVIDENCE_RECORD, evidenceRecord(payload, tags, snapshot));
            BundleWriter writer = new BundleWriter(sealedAt, payload, tags, log.file(), snapshot);
            Sha256 bundleSha;
            long size;
            if (encryptTo == null) {
                writer.write(target);
                bundleSha = Sha256.of(target);
                size = Files.size(target);
            } else {
                try (EphemeralFile zip = EphemeralFile.create(written.toAbsolutePath().getParent())) {
                    writer.write(zip.channel());
                    MessageDigest md = Sha256.newDigest();
                    try (InputStream in = new DigestInputStream(new BufferedInputStream(zip.input(), 1 << 16), md)) {
                        EncryptedBundles.encrypt(in, written, encryptTo);
                    }
                    bundleSha = Sha256.of(md.digest());
                    size = zip.size();
                }
            }
            log.append(investigator.actor(), CustodyEvent.EXPORTED, "bundle:" + bundleSha.hex(), EventDetails.of(
                    new EventDetails.Exported(target.getFileName().toString(), size, payloadSha.hex())));
            List<String> warnings = new ArrayList<>(records.warnings);
            warnings.addAll(missingTokens(payload));
            each.failed().forEach((tsa, e) -> warnings.add(BundleLayout.CUSTODY_MANIFEST + ": no timestamp from "
                    + tsa + " (" + e.getMessage() + "); the bundle holds the others'"));
            return new SealedBundle(written, bundleSha, size, manifest, tokens, warnings);
        } catch (IOException | SealException | RuntimeException e) {
            try {
                log.append(investigator.actor(), CustodyEvent.SEAL_FAILED, subject, EventDetails.of(
                        new EventDetails.SealFailed(target.getFileName().toString(), String.valueOf(e.getMessage()))));
            } catch (IOException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
    }

    /** A token from each TSA that answers; at least one, or the seal fails. */
    private EachStamp stamp(byte[] manifestJson) throws SealException {
        EachStamp each = timestamper.stampEach(Sha256.ofBytes(manifestJson).bytes());
        if (each.tokens().isEmpty()) {
            SealException e = new SealException(BundleLayout.CUSTODY_MANIFEST + ": no timestamp: " + each.problem()
                    + "; check the TSA (--tsa) and seal again");
            each.failed().values().forEach(e::addSuppressed);
            throw e;
        }
        return each;
    }

    /** A warning for each record that lacks the token of one of the TSAs sealing it. */
    private List<String> missingTokens(Payload payload) {
        List<String> out = new ArrayList<>();
        for (RecordRef r : Records.among(payload.files().keySet())) {
            if (r.tokens().isEmpty()) {
                continue;   // pending altogether: SealedRecords says so
            }
            for (String tsa : timestamper.names()) {
                if (!r.tokens().contains(BundleLayout.token(r.path(), tsa))) {
                    out.add(r.path() + ": no timestamp from " + tsa + " yet; run `exhibit stamp` and seal again to add it");
                }
            }
        }
        return out;
    }

    private Map<String, byte[]> tagFiles(CaseWorkspace ws, Path target, Payload payload, SealedRecords records,
                                         CustodyManifest manifest, byte[] manifestJson, byte[] manifestTxt,
                                         List<StampedToken> manifestTokens) throws IOException, SealException {
        Map<String, byte[]> tags = new TreeMap<>();
        tags.put(BundleLayout.BAGIT, (BagLabels.BAGIT_VERSION + ": 1.0\n" + BagLabels.ENCODING + ": UTF-8\n")
                .getBytes(StandardCharsets.UTF_8));
        tags.put(BundleLayout.BAG_INFO, BagInfo.of(investigator, manifest, payload).bytes());
        tags.put(BundleLayout.MANIFEST, manifestTxt);
        tags.put(BundleLayout.CUSTODY_MANIFEST, manifestJson);
        Map<String, String> tokens = new LinkedHashMap<>();
        TsaPems pems = new TsaPems(ws.tsaDir());
        for (StampedToken token : manifestTokens) {
            String manifestToken = BundleLayout.manifestToken(token.tsa().name());
            tags.put(manifestToken, token.response());
            pems.addToken(token.tsa().name(), token.response());
            tokens.put(manifestToken, BundleLayout.CUSTODY_MANIFEST);
        }
        tags.put(BundleLayout.INVESTIGATOR, investigator.publicInfo().chainPem().getBytes(StandardCharsets.US_ASCII));
        for (String recordToken : records.tokens.keySet()) {
            pems.addToken(VerifyInstructions.tsaOf(recordToken),
                    Files.readAllBytes(payload.files().get(recordToken).source()));
        }
        tags.putAll(pems.entries());
        tokens.putAll(records.tokens);
        tags.put(BundleLayout.VERIFY, VerifyInstructions.text(new VerifyInstructions.Facts(
                target.getFileName().toString(), manifest, tokens, pems.endsInRoot(), records.pending)));
        return tags;
    }

    /**
     * The tag manifest over every tag file (the custody log as bound by its snapshot), and the investigator's
     * signature over it: the one file of the bundle that nothing else lists.
     */
    private void sign(Map<String, byte[]> tags, LogSnapshot snapshot) throws IOException {
        Map<String, Sha256> hashes = new TreeMap<>();
        tags.forEach((name, content) -> hashes.put(name, Sha256.ofBytes(content)));
        hashes.put(BundleLayout.EVENTS, snapshot.sha256());
        byte[] tagManifest = new BagManifest(new TreeMap<>(hashes)).bytes();
        tags.put(BundleLayout.TAG_MANIFEST, tagManifest);
        try (InputStream in = new ByteArrayInputStream(tagManifest)) {
            tags.put(BundleLayout.TAG_SIGNATURE, investigator.signDetached(in));
        }
    }

    /**
     * The RFC 4998 evidence record over every file the bundle will hold but itself: one SHA-256 hash tree (the
     * hashes already taken), one archive timestamp, from the first TSA that answers.
     */
    private byte[] evidenceRecord(Payload payload, Map<String, byte[]> tags, LogSnapshot snapshot)
            throws IOException, SealException {
        List<FileData> files = new ArrayList<>();
        payload.files().forEach((name, f) -> files.add(FileData.of(name, f.sha256().bytes(), null)));
        tags.forEach((name, content) -> files.add(FileData.of(name, Sha256.ofBytes(content).bytes(), null)));
        files.add(FileData.of(BundleLayout.EVENTS, snapshot.sha256().bytes(), null));
        try {
            return EvidenceRecords.create(files, timestamper);
        } catch (TimestampException e) {
            throw new SealException(BundleLayout.EVIDENCE_RECORD + ": no archive timestamp: " + e.getMessage()
                    + "; check the TSA (--tsa) and seal again", e);
        }
    }

    private static Map<String, Object> sealedDetails(Path target, Payload payload, SealedRecords records) {
        return EventDetails.of(new EventDetails.Sealed(target.getFileName().toString(), payload.files().size(),
                payload.octets(), records.captures.size(), records.items.size(), List.copyOf(records.pending)));
    }
}
