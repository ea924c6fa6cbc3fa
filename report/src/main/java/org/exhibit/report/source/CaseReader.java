package org.exhibit.report.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.format.json.Json;

/**
 * Reads what the reports need from a case, one record at a time: the case's identity, a summary entry per
 * capture and item, each record in full when its section is written, and the custody log line by line.
 *
 * <pre>{@code
 * try (CaseFiles files = CaseFiles.open(Path.of("cases/2026-017"))) {
 *     CaseReader reader = new CaseReader(files);
 *     for (Entry e : reader.entries()) {
 *         JsonNode capture = reader.record(e);
 *     }
 * }
 * }</pre>
 */
public final class CaseReader {
    /** Records are small; anything larger is not a record Exhibit wrote. */
    static final int RECORD_LIMIT = 64 << 20;
    private static final int TSR_LIMIT = 1 << 20;

    private final CaseFiles files;

    public CaseReader(CaseFiles files) {
        this.files = files;
    }

    public CaseFiles files() {
        return files;
    }

    public CaseInfo info() throws IOException {
        JsonNode kase = json("case.json");
        JsonNode manifest = json("custody/manifest.json");
        BagInfo bag = BagInfo.read(files);
        String id = first(Nodes.text(kase, "id"), Nodes.text(manifest, "caseId"), Nodes.text(manifest, "case", "id"),
                bag.value("External-Identifier"));
        String title = first(Nodes.text(kase, "title"), Nodes.text(manifest, "title"),
                Nodes.text(manifest, "caseTitle"), Nodes.text(manifest, "case", "title"));
        JsonNode who = kase.has("investigator") ? kase.path("investigator") : manifest.path("investigator");
        Instant sealed = Nodes.instant(manifest, "sealedAt");
        if (sealed == null && files.sealed()) {
            sealed = bag.instant("Bagging-Date");
        }
        String version = first(Nodes.text(manifest, "exhibitVersion"), bag.value("Exhibit-Version"));
        if (id.isEmpty()) {
            throw new IOException("expected a case id in case.json, custody/manifest.json or bag-info.txt of "
                    + files.location() + ", got none: is this an Exhibit case?");
        }
        return new CaseInfo(id, title, Party.of(who), Nodes.instant(kase, "created"), sealed, version);
    }

    /** Every capture, then every item, in id order. Reads each record once, to hash and summarise it. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String id : files.folders("data/captures")) {
            out.add(summarise(Entry.Kind.CAPTURE, id, "data/captures/" + id, "capture.json"));
        }
        for (String id : files.folders("data/files")) {
            out.add(summarise(Entry.Kind.ITEM, id, "data/files/" + id, "item.json"));
        }
        return out;
    }

    private Entry summarise(Entry.Kind kind, String id, String folder, String recordName) throws IOException {
        String path = folder + "/" + recordName;
        if (!files.exists(path)) {
            return new Entry(kind, id, folder, "", null, List.of(), "no record (" + recordName + " missing)", "");
        }
        byte[] bytes = files.readSmall(path, RECORD_LIMIT);
        JsonNode r = parse(path, bytes);
        List<TsaTime> stamps = new ArrayList<>();
        String prefix = recordName + ".";
        for (String name : files.files(folder)) {
            if (name.startsWith(prefix) && name.endsWith(".tsr")) {
                String tsa = name.substring(prefix.length(), name.length() - ".tsr".length());
                stamps.add(TsaTime.read(tsa, files.readSmall(folder + "/" + name, TSR_LIMIT)));
            }
        }
        String hash = Sha256.ofBytes(bytes).hex();
        if (kind == Entry.Kind.CAPTURE) {
            return new Entry(kind, id, folder, first(Nodes.text(r, "requestedUrl"), Nodes.text(r, "finalUrl")),
                    first(Nodes.instant(r, "startedAt"), Nodes.instant(r, "endedAt")), List.copyOf(stamps),
                    first(Nodes.text(r, "outcome"), "unknown"), hash);
        }
        String source = Nodes.text(r, "originalName");
        String said = Nodes.text(r, "source");
        return new Entry(kind, id, folder, said.isEmpty() ? source : source + " (" + said + ")",
                Nodes.instant(r, "ingestedAt"), List.copyOf(stamps), "ingested", hash);
    }

    /** The record of an entry, parsed; {@link MissingNode} when it has none. */
    public JsonNode record(Entry e) throws IOException {
        return json(e.record());
    }

    /** Calls {@code each} with every custody-log line, in order, without holding the log in memory. */
    public void events(EventConsumer each) throws IOException {
        if (!files.exists("custody/events.jsonl")) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(files.open("custody/events.jsonl"),
                StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    each.accept(parse("custody/events.jsonl line " + lineNo, line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    /** Receives custody-log lines. */
    @FunctionalInterface
    public interface EventConsumer {
        void accept(JsonNode event) throws IOException;
    }

    private JsonNode json(String path) throws IOException {
        return files.exists(path) ? parse(path, files.readSmall(path, RECORD_LIMIT)) : MissingNode.getInstance();
    }

    private static JsonNode parse(String what, byte[] bytes) throws IOException {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("expected JSON in " + what + ", got: " + e.getOriginalMessage(), e);
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isEmpty())) {
                return v;
            }
        }
        return values[values.length - 1];
    }
}
