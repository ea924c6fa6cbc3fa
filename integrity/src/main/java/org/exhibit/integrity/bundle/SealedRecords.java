package org.exhibit.integrity.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.exhibit.integrity.json.Json;
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
        Map<String, List<String>> tokensOf = new TreeMap<>();
        TreeSet<String> folders = new TreeSet<>();
        for (String path : payload.files().keySet()) {
            Matcher t = BundleLayout.TOKEN.matcher(path);
            if (t.matches() && BundleLayout.isRecord(t.group(1))) {
                tokensOf.computeIfAbsent(t.group(1), k -> new ArrayList<>()).add(path);
            }
            String[] parts = path.split("/");
            if (parts.length > 3 && (parts[1].equals("captures") || parts[1].equals("files"))) {
                folders.add(parts[0] + "/" + parts[1] + "/" + parts[2]);
            }
        }
        TimestampVerifier verifier = new TimestampVerifier();
        for (String folder : folders) {
            String record = folder + (folder.startsWith("data/captures/") ? "/capture.json" : "/item.json");
            if (!payload.files().containsKey(record)) {
                r.warnings.add(folder + ": no " + record.substring(folder.length() + 1) + "; sealed without a record");
                continue;
            }
            r.add(payload, record, tokensOf.getOrDefault(record, List.of()), verifier);
        }
        return r;
    }

    private void add(Payload payload, String record, List<String> recordTokens, TimestampVerifier verifier)
            throws IOException, SealException {
        Payload.File file = payload.files().get(record);
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file.source()));
        String folder = record.substring(0, record.lastIndexOf('/') + 1);
        JsonNode artifacts = root.path("artifacts");
        if (!artifacts.isArray()) {
            throw new SealException(record + ": expected an \"artifacts\" list, got " + artifacts.getNodeType());
        }
        for (JsonNode a : artifacts) {
            String path = folder + a.path("path").asText("");
            Payload.File f = payload.files().get(path);
            String expected = a.path("sha256").asText("");
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
        String id = BundleLayout.recordId(record);
        if (BundleLayout.isCapture(record)) {
            String url = text(root, "requestedUrl", "url");
            captures.add(new CustodyManifest.SealedRecord(id, record, url, null, file.sha256().hex(), genTime));
        } else {
            String name = text(root, "originalName");
            String said = text(root, "source");
            String source = said == null ? name : name + " (" + said + ")";
            items.add(new CustodyManifest.SealedRecord(id, record, null, source, file.sha256().hex(), genTime));
        }
    }

    private static String text(JsonNode root, String... fields) {
        for (String f : fields) {
            JsonNode n = root.get(f);
            if (n != null && n.isTextual()) {
                return n.asText();
            }
        }
        return null;
    }
}
