package org.exhibit.capture.warc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.digest.Sha256;

/**
 * Packages a capture's WARC as WACZ 1.1.1 so that ReplayWeb.page can replay it: {@code archive/data.warc.gz},
 * {@code indexes/index.cdxj}, {@code pages/pages.jsonl}, {@code datapackage.json} (every file's SHA-256 and
 * size) and {@code datapackage-digest.json}. Every entry is STORED; the WARC is streamed, never held in memory.
 *
 * <pre>{@code
 * Wacz wacz = new WaczWriter("Exhibit 0.1.0", Instant.now())
 *         .write(dir.resolve("data.warc.gz"), List.of(new Page(finalUrl, started, title, text)),
 *                 dir.resolve("capture.wacz"));
 * }</pre>
 */
public final class WaczWriter {
    /** The WARC's file name inside the WACZ (in {@code archive/}): the name its warcinfo record and the CDXJ index give it. */
    public static final String WARC_NAME = "data.warc.gz";
    static final String WARC_ENTRY = "archive/" + WARC_NAME;
    private final String software;
    private final Instant created;
    private String title;

    /** {@code created} is also every ZIP entry's time, so the package is reproducible from the same inputs. */
    public WaczWriter(String software, Instant created) {
        this.software = software;
        this.created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A title for datapackage.json (optional). */
    public WaczWriter title(String title) {
        this.title = title;
        return this;
    }

    /** Writes {@code wacz} (atomically: a temporary file beside it, then a rename). */
    public Wacz write(Path warc, List<Page> pages, Path wacz) throws IOException {
        if (!Files.isRegularFile(warc)) {
            throw new IOException("expected a WARC file, got " + warc);
        }
        List<String> index = CdxjIndex.lines(warc, WARC_NAME);
        byte[] cdxj = join(index);
        byte[] pagesJsonl = pages(pages);
        Path dir = wacz.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + wacz.getFileName(), ".tmp");
        List<Wacz.Entry> entries = new ArrayList<>();
        try {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(tmp)) {
                entries.add(putFile(zip, WARC_ENTRY, warc));
                entries.add(putBytes(zip, "indexes/index.cdxj", cdxj));
                entries.add(putBytes(zip, "pages/pages.jsonl", pagesJsonl));
                byte[] datapackage = Json.bytes(datapackage(pages, entries));
                putBytes(zip, "datapackage.json", datapackage);
                Map<String, Object> digest = new LinkedHashMap<>();
                digest.put("path", "datapackage.json");
                digest.put("hash", "sha256:" + Sha256.ofBytes(datapackage).hex());
                putBytes(zip, "datapackage-digest.json", Json.bytes(digest));
            }
            Files.move(tmp, wacz, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Wacz(wacz, Files.size(wacz), Sha256.of(wacz).hex(), index.size(), entries);
    }

    private Map<String, Object> datapackage(List<Page> pages, List<Wacz.Entry> entries) {
        Map<String, Object> dp = new LinkedHashMap<>();
        dp.put("profile", "data-package");
        dp.put("wacz_version", "1.1.1");
        if (title != null) {
            dp.put("title", title);
        }
        dp.put("created", created.toString());
        dp.put("software", software);
        if (!pages.isEmpty()) {
            dp.put("mainPageURL", pages.get(0).url());
            dp.put("mainPageDate", pages.get(0).ts().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        dp.put("resources", entries);
        return dp;
    }

    private static byte[] pages(List<Page> pages) {
        StringBuilder sb = new StringBuilder("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n");
        for (Page p : pages) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", Sha256.ofBytes((p.url() + " " + p.ts()).getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32));
            line.put("url", p.url());
            line.put("ts", p.ts().truncatedTo(ChronoUnit.MILLIS).toString());
            if (p.title() != null) {
                line.put("title", p.title());
            }
            if (p.text() != null) {
                line.put("text", p.text());
            }
            try {
                sb.append(Json.COMPACT.writeValueAsString(line)).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write pages.jsonl", e);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Wacz.Entry putBytes(ZipArchiveOutputStream zip, String path, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        zip.putArchiveEntry(entry(path, data.length, crc.getValue()));
        zip.write(data);
        zip.closeArchiveEntry();
        return new Wacz.Entry(name(path), path, "sha256:" + Sha256.ofBytes(data).hex(), data.length);
    }

    /** STORED needs size and CRC before the data: one pass to learn them, one to copy (hashing as it goes). */
    private Wacz.Entry putFile(ZipArchiveOutputStream zip, String path, Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                crc.update(buf, 0, n);
                size += n;
            }
        }
        zip.putArchiveEntry(entry(path, size, crc.getValue()));
        MessageDigest md = Sha256.newDigest();
        long copied = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
                zip.write(buf, 0, n);
                copied += n;
            }
        }
        zip.closeArchiveEntry();
        if (copied != size) {
            throw new IOException("expected " + file + " to stay " + size + " bytes while packaging, got " + copied);
        }
        return new Wacz.Entry(name(path), path, "sha256:" + HexFormat.of().formatHex(md.digest()), size);
    }

    private ZipArchiveEntry entry(String path, long size, long crc) {
        ZipArchiveEntry e = new ZipArchiveEntry(path);
        e.setMethod(ZipArchiveEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        e.setLastModifiedTime(FileTime.from(created));
        return e;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
