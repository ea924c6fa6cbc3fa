package org.exhibit.capture.warc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhibit.integrity.digest.Sha256;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Writes every image, video and audio response of a WARC to {@code resources/<sha256>.<ext>}, decoded from
 * its transfer coding (chunked) and content codings (gzip, deflate, br, zstd), streaming.
 *
 * <pre>{@code
 * Extraction x = new ResourceExtractor(captureDir.resolve("resources")).extract(captureDir.resolve("data.warc.gz"));
 * for (Resource r : x.resources()) System.out.println(r.url() + " -> " + r.path());
 * }</pre>
 */
public final class ResourceExtractor {
    private final Path dir;
    private final long maxBytes;

    /** Extracts into {@code dir}, at most 2 GiB decoded per resource. */
    public ResourceExtractor(Path dir) {
        this(dir, 2L << 30);
    }

    /** Extracts into {@code dir}; a resource decoding to more than {@code maxBytes} is skipped (and said so). */
    public ResourceExtractor(Path dir, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("expected a positive maxBytes, got " + maxBytes);
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public Extraction extract(Path warc) throws IOException {
        Files.createDirectories(dir);
        List<Resource> resources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (!(record instanceof WarcResponse resp) || !resp.contentType().base().equals(MediaType.HTTP)) {
                    continue;
                }
                HttpResponse http = resp.http();
                String type = http.headers().first("Content-Type")
                        .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse(null);
                if (!MediaExtension.isMedia(type)) {
                    continue;
                }
                String url = resp.target();
                if (http.status() == 206) {
                    skipped.add(url + ": partial content (206), a range of the file rather than the file");
                } else if (http.status() / 100 != 2) {
                    continue;
                } else if (resp.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
                    skipped.add(url + ": the response was not received whole (" + resp.truncated().name().toLowerCase(Locale.ROOT) + ")");
                } else {
                    write(resp, http, url, type, resources, skipped);
                }
            }
        }
        return new Extraction(resources, skipped);
    }

    private void write(WarcResponse resp, HttpResponse http, String url, String type, List<Resource> resources,
                       List<String> skipped) throws IOException {
        List<String> codings = ContentCoding.parse(http.headers().all("Content-Encoding"));
        Path part = Files.createTempFile(dir, ".resource-", ".part");
        try {
            MessageDigest md = Sha256.newDigest();
            long size = 0;
            try (InputStream in = ContentCoding.decode(resp.payload().orElseThrow().body().stream(), codings);
                 OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        skipped.add(url + ": decodes to more than " + maxBytes + " bytes, not extracted");
                        return;
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            } catch (IOException e) {
                skipped.add(url + ": cannot decode " + (codings.isEmpty() ? "the body" : String.join(", ", codings)) + ": " + e.getMessage());
                return;
            }
            String sha256 = Sha256.of(md.digest()).hex();
            Path target = dir.resolve(sha256 + "." + MediaExtension.of(type));
            if (!Files.exists(target)) {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            resources.add(new Resource(url, target, sha256, size, type, resp.id().toString()));
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
