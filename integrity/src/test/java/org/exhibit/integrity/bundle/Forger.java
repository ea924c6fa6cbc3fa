package org.exhibit.integrity.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.ers.EvidenceRecords;
import org.exhibit.integrity.ers.FileData;
import org.exhibit.integrity.timestamp.StampedToken;
import org.exhibit.integrity.timestamp.TimestampException;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;

/**
 * Someone who wants a sealed bundle to say something else, with everything but the investigator's key: an
 * identity of their own under the investigator's display name, a TSA of their own (a second Exhibit TSA with
 * its own keys, on 127.0.0.1), and every key-less hash recomputed.
 */
final class Forger implements AutoCloseable {
    private static final Pattern PREV = Pattern.compile("\"prev\":\"[0-9a-f]{64}\"");

    final Identity identity;
    final LocalTsa tsa;
    private final TsaServer server;
    private final Timestamper timestamper;
    private final TsaServer backdating;
    private final Timestamper backdater;

    Forger(Path home, String displayName) throws Exception {
        this.identity = new IdentityStore(home).create(displayName, "Reyes Law", "dana@example.org",
                "another passphrase entirely".toCharArray(), false);
        this.tsa = LocalTsa.open(home.resolve("tsa"));
        this.server = TsaServer.start(tsa, 0);
        this.timestamper = new Timestamper(List.of(server.endpoint()), TrustAnchors.none().with(tsa.root()));
        // the same TSA (same keys) answering with a clock set back three minutes (its certificate is valid from five minutes before it was made)
        this.backdating = TsaServer.start(tsa, 0, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-3)));
        this.backdater = new Timestamper(List.of(backdating.endpoint()), TrustAnchors.none().with(tsa.root()),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 0);
    }

    /** Trust anchors that vouch for the forger: what a verifier would need to be fooled into trusting. */
    TrustAnchors trust() {
        return TrustAnchors.none().with(tsa.root()).with(identity.certificate());
    }

    StampedToken stamp(byte[] content) throws Exception {
        return timestamper.stamp(Sha256.ofBytes(content).bytes());
    }

    /** A token three minutes older than the truth, from the same TSA. */
    StampedToken backdate(byte[] content) throws Exception {
        return backdater.stamp(Sha256.ofBytes(content).bytes());
    }

    /**
     * Replaces an item's original file, fixes its item.json and the bag, stamps the item and the manifest again with
     * the forger's TSA and signs the tag manifest with the forger's identity.
     *
     * @param thorough also rewrite every record's and custody-log line's investigator fingerprint to the forger's
     *                 (re-chaining the log), so that only the signer's certificate itself tells
     */
    void forge(Map<String, byte[]> m, String item, String file, byte[] content, boolean thorough) throws Exception {
        String realFingerprint = manifest(m).path("investigator").path("fingerprint").asText();
        String fake = identity.publicInfo().fingerprint();
        m.put(item + "/" + file, content);
        ObjectNode record = (ObjectNode) Json.MAPPER.readTree(m.get(item + "/item.json"));
        record.put("sha256", Sha256.ofBytes(content).hex());
        record.put("size", content.length);
        for (JsonNode a : record.path("artifacts")) {
            if (a.path("path").asText().equals(file)) {
                ((ObjectNode) a).put("sha256", Sha256.ofBytes(content).hex());
                ((ObjectNode) a).put("size", content.length);
            }
        }
        m.put(item + "/item.json", Json.MAPPER.writeValueAsBytes(record));
        List<String> changed = new ArrayList<>(List.of(item + "/item.json"));
        if (thorough) {
            for (String path : new ArrayList<>(m.keySet())) {
                if (BundleLayout.isRecord(path)) {
                    String text = new String(m.get(path), StandardCharsets.UTF_8);
                    m.put(path, text.replace(realFingerprint, fake).getBytes(StandardCharsets.UTF_8));
                    if (!changed.contains(path)) {
                        changed.add(path);
                    }
                }
            }
        }
        ObjectNode manifest = manifest(m);
        Map<String, String> genTimes = new TreeMap<>();
        for (String path : changed) {
            m.keySet().removeIf(k -> k.startsWith(path + ".") && k.endsWith(".tsr"));
            StampedToken token = stamp(m.get(path));
            m.put(path + ".local.tsr", token.response());
            genTimes.put(path.substring(BundleLayout.DATA.length(), path.lastIndexOf('/')), token.genTime().toString());
            for (String list : List.of("captures", "items")) {
                for (JsonNode r : manifest.path(list)) {
                    if (r.path("record").asText().equals(path)) {
                        ((ObjectNode) r).put("sha256", Sha256.ofBytes(m.get(path)).hex());
                        ((ObjectNode) r).put("genTime", token.genTime().toString());
                    }
                }
            }
        }
        if (thorough) {
            m.put(BundleLayout.EVENTS, rechain(relog(new String(m.get(BundleLayout.EVENTS), StandardCharsets.UTF_8)
                    .replace(realFingerprint, fake), genTimes)));
        }
        m.put(BundleLayout.MANIFEST, payloadManifest(m));
        m.put(BundleLayout.BAG_INFO, payloadOxum(m));
        manifest.put("payloadManifestSha256", Sha256.ofBytes(m.get(BundleLayout.MANIFEST)).hex());
        ((ObjectNode) manifest.path("investigator")).put("fingerprint", fake);
        List<String> lines = new String(m.get(BundleLayout.EVENTS), StandardCharsets.UTF_8).lines().toList();
        manifest.put("custodyLogHead", Sha256.ofBytes((lines.get(lines.size() - 1) + "\n")
                .getBytes(StandardCharsets.UTF_8)).hex());
        m.put(BundleLayout.CUSTODY_MANIFEST, Json.MAPPER.writeValueAsBytes(manifest));
        StampedToken sealToken = stamp(m.get(BundleLayout.CUSTODY_MANIFEST));
        m.put(BundleLayout.manifestToken("local"), sealToken.response());
        m.put(BundleLayout.tsaChain("local"), sealToken.tsaChainPem().getBytes(StandardCharsets.US_ASCII));
        m.put(BundleLayout.INVESTIGATOR, identity.publicInfo().chainPem().getBytes(StandardCharsets.US_ASCII));
        resign(m);
    }

    /** Recomputes the tag manifest and signs it as the forger: the last step of every forgery. */
    void resign(Map<String, byte[]> m) throws IOException {
        rehashTags(m);
        m.put(BundleLayout.TAG_SIGNATURE, identity.signDetached(new ByteArrayInputStream(m.get(BundleLayout.TAG_MANIFEST))));
        if (m.containsKey(BundleLayout.EVIDENCE_RECORD)) {
            // and a new evidence record over the forgery, stamped by the forger's TSA
            List<FileData> files = new ArrayList<>();
            m.forEach((path, content) -> {
                if (!path.equals(BundleLayout.EVIDENCE_RECORD)) {
                    files.add(FileData.of(path, Sha256.ofBytes(content).bytes(), null));
                }
            });
            try {
                m.put(BundleLayout.EVIDENCE_RECORD, EvidenceRecords.create(files, timestamper));
            } catch (TimestampException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** Recomputes the tag manifest over every file outside data/ (what anyone can do without a key). */
    static void rehashTags(Map<String, byte[]> m) {
        TreeMap<String, Sha256> tags = new TreeMap<>();
        m.forEach((path, content) -> {
            if (!path.startsWith(BundleLayout.DATA) && !path.equals(BundleLayout.TAG_MANIFEST)
                    && !path.equals(BundleLayout.TAG_SIGNATURE) && !path.equals(BundleLayout.EVIDENCE_RECORD)) {
                tags.put(path, Sha256.ofBytes(content));
            }
        });
        m.put(BundleLayout.TAG_MANIFEST, new BagManifest(tags).bytes());
    }

    static byte[] payloadManifest(Map<String, byte[]> m) {
        TreeMap<String, Sha256> payload = new TreeMap<>();
        m.forEach((path, content) -> {
            if (path.startsWith(BundleLayout.DATA)) {
                payload.put(path, Sha256.ofBytes(content));
            }
        });
        return new BagManifest(payload).bytes();
    }

    /** bag-info.txt with the Payload-Oxum of the payload as it now is. */
    static byte[] payloadOxum(Map<String, byte[]> m) {
        long octets = 0;
        long files = 0;
        for (Map.Entry<String, byte[]> e : m.entrySet()) {
            if (e.getKey().startsWith(BundleLayout.DATA)) {
                octets += e.getValue().length;
                files++;
            }
        }
        return new String(m.get(BundleLayout.BAG_INFO), StandardCharsets.UTF_8)
                .replaceAll("Payload-Oxum: \\d+\\.\\d+", "Payload-Oxum: " + octets + "." + files)
                .getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode manifest(Map<String, byte[]> m) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(m.get(BundleLayout.CUSTODY_MANIFEST));
    }

    /** Makes each {@code timestamped} line state the genTime of the token that now stands for its subject. */
    private static String relog(String log, Map<String, String> genTimes) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : log.lines().toList()) {
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(line);
            String genTime = genTimes.get(event.path("subject").asText());
            if (event.path("action").asText().equals("timestamped") && genTime != null) {
                ((ObjectNode) event.path("details")).put("genTime", genTime);
                ((ObjectNode) event.path("details")).put("tsr", event.path("details").path("record").asText() + ".local.tsr");
                line = Json.COMPACT.writeValueAsString(event);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Sets every line's {@code prev} to the SHA-256 of the line before it, as the chain rule says. */
    static byte[] rechain(String log) {
        StringBuilder out = new StringBuilder();
        String prev = "0".repeat(64);
        for (String line : log.lines().toList()) {
            Matcher p = PREV.matcher(line);
            String fixed = p.replaceFirst(Matcher.quoteReplacement("\"prev\":\"" + prev + "\""));
            out.append(fixed).append('\n');
            prev = Sha256.ofBytes((fixed + "\n").getBytes(StandardCharsets.UTF_8)).hex();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        backdating.close();
    }
}
