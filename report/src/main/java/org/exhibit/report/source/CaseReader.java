package org.exhibit.report.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.CustodyManifest;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BagLabels;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.layout.RecordRef;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.Actor;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.CaseRecord;
import org.exhibit.format.record.EvidenceRecord;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.digest.Sha256;

/**
 * Reads what the reports need from a case, one record at a time: the case's identity, a summary entry per
 * capture and item, each record in full when its section is written, and the custody log line by line.
 *
 * <pre>{@code
 * try (CaseFiles files = CaseFiles.open(Path.of("cases/2026-017"))) {
 *     CaseReader reader = new CaseReader(files);
 *     for (Entry e : reader.entries()) {
 *         EvidenceRecord record = reader.record(e);
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
        CaseRecord kase = typed(CaseLayout.CASE_FILE, CaseRecord.class);
        CustodyManifest manifest = typed(BundleLayout.CUSTODY_MANIFEST, CustodyManifest.class);
        BagInfo bag = BagInfo.read(files);
        String id = first(kase == null ? null : kase.id(), manifest == null ? null : manifest.caseId(),
                bag.value(BagLabels.EXTERNAL_IDENTIFIER), "");
        String title = first(kase == null ? null : kase.title(), manifest == null ? null : manifest.caseTitle(), "");
        Actor who = kase != null && kase.investigator() != null ? kase.investigator()
                : manifest == null ? null : manifest.investigator();
        Instant sealed = manifest == null ? null : manifest.sealedAt();
        if (sealed == null && files.sealed()) {
            sealed = bag.instant(BagLabels.BAGGING_DATE);
        }
        String version = first(manifest == null ? null : manifest.exhibitVersion(), bag.value(BagLabels.EXHIBIT_VERSION), "");
        if (id.isEmpty()) {
            throw new IOException("expected a case id in " + CaseLayout.CASE_FILE + ", " + BundleLayout.CUSTODY_MANIFEST
                    + " or " + BundleLayout.BAG_INFO + " of " + files.location() + ", got none: is this an Exhibit case?");
        }
        return new CaseInfo(id, title, Party.of(who), kase == null ? null : kase.created(), sealed, version);
    }

    /** Every capture, then every item, in id order, as {@link Records} lists them. Reads each record once. */
    public List<Entry> entries() throws IOException {
        List<String> paths = new ArrayList<>();
        for (String parent : List.of(BundleLayout.CAPTURES, BundleLayout.FILES)) {
            String dir = parent.substring(0, parent.length() - 1);
            for (String id : files.folders(dir)) {
                for (String name : files.files(dir + "/" + id)) {
                    paths.add(dir + "/" + id + "/" + name);
                }
                paths.add(dir + "/" + id + "/" + (parent.equals(BundleLayout.CAPTURES) ? CaptureFolder.RECORD
                        : ItemFolder.RECORD));
            }
        }
        List<Entry> out = new ArrayList<>();
        for (RecordRef ref : Records.among(new java.util.TreeSet<>(paths))) {
            out.add(summarise(ref));
        }
        return out;
    }

    private Entry summarise(RecordRef ref) throws IOException {
        Entry.Kind kind = ref.kind() == RecordRef.Kind.CAPTURE ? Entry.Kind.CAPTURE : Entry.Kind.ITEM;
        String name = ref.path().substring(ref.folder().length() + 1);
        if (!files.exists(ref.path())) {
            return new Entry(kind, ref.id(), ref.folder(), "", null, List.of(), "no record (" + name + " missing)", "");
        }
        byte[] bytes = files.readSmall(ref.path(), RECORD_LIMIT);
        EvidenceRecord r = parse(ref, bytes);
        List<TsaTime> stamps = new ArrayList<>();
        for (String token : ref.tokens()) {
            stamps.add(TsaTime.read(RecordRef.tsaOf(token), files.readSmall(token, TSR_LIMIT)));
        }
        String hash = Sha256.ofBytes(bytes).hex();
        if (r instanceof CaptureRecord c) {
            return new Entry(kind, ref.id(), ref.folder(), first(c.requestedUrl(), c.finalUrl(), ""),
                    first(c.startedAt(), c.endedAt()), List.copyOf(stamps),
                    c.outcome() == null ? "unknown" : c.outcome().json(), hash);
        }
        ItemRecord i = (ItemRecord) r;
        String source = first(i.originalName(), "");
        return new Entry(kind, ref.id(), ref.folder(), i.source() == null ? source : source + " (" + i.source() + ")",
                i.ingestedAt(), List.copyOf(stamps), "ingested", hash);
    }

    /** The record of an entry, parsed: a {@link CaptureRecord} or an {@link ItemRecord}. */
    public EvidenceRecord record(Entry e) throws IOException {
        RecordRef ref = new RecordRef(e.kind() == Entry.Kind.CAPTURE ? RecordRef.Kind.CAPTURE : RecordRef.Kind.ITEM,
                e.id(), e.record(), List.of());
        return parse(ref, files.readSmall(e.record(), RECORD_LIMIT));
    }

    /** Calls {@code each} with every custody-log line, in order, without holding the log in memory. */
    public void events(EventConsumer each) throws IOException {
        if (!files.exists(BundleLayout.EVENTS)) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(files.open(BundleLayout.EVENTS),
                StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    try {
                        each.accept(Json.MAPPER.readValue(line, CustodyEvent.class));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IOException("expected a custody event in " + BundleLayout.EVENTS + " line " + lineNo
                                + ", got: " + e.getOriginalMessage(), e);
                    }
                }
            }
        }
    }

    /** Receives custody-log lines. */
    @FunctionalInterface
    public interface EventConsumer {
        void accept(CustodyEvent event) throws IOException;
    }

    private <T> T typed(String path, Class<T> type) throws IOException {
        if (!files.exists(path)) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(files.readSmall(path, RECORD_LIMIT), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("expected JSON in " + path + ", got: " + e.getOriginalMessage(), e);
        }
    }

    private static EvidenceRecord parse(RecordRef ref, byte[] bytes) throws IOException {
        try {
            return EvidenceRecord.read(ref.kind(), bytes);
        } catch (IOException e) {
            throw new IOException(ref.path() + ": " + e.getMessage(), e);
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
