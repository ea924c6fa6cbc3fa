package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.digest.Sha256;

/**
 * Writes the ZIP: every tag file and payload file in sorted path order, the payload streamed from the workspace
 * and checked against the hash taken before sealing, the custody log copied up to the bound head, then the signed
 * tag manifest and its signature; every tag file as written must have the hash the signed tag manifest lists. Into a temporary file beside the target, renamed
 * into place only when complete.
 */
final class BundleWriter {
    private final Instant sealedAt;
    private final Payload payload;
    private final Map<String, byte[]> tags;
    private final Path log;
    private final LogSnapshot snapshot;

    BundleWriter(Instant sealedAt, Payload payload, Map<String, byte[]> tags, Path log, LogSnapshot snapshot) {
        this.sealedAt = sealedAt;
        this.payload = payload;
        this.tags = tags;
        this.log = log;
        this.snapshot = snapshot;
    }

    void write(Path target) throws IOException, SealException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        try {
            try (ZipWriter zip = new ZipWriter(tmp, sealedAt)) {
                writeEntries(zip);
                zip.finish();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the bundle into an empty channel (an encrypted scratch file), which is closed. */
    void write(java.nio.channels.FileChannel channel) throws IOException, SealException {
        try (ZipWriter zip = new ZipWriter(channel, sealedAt)) {
            writeEntries(zip);
            zip.finish();
        }
    }

    private void writeEntries(ZipWriter zip) throws IOException, SealException {
        TreeSet<String> names = new TreeSet<>(tags.keySet());
        names.add(BundleLayout.EVENTS);
        names.addAll(payload.files().keySet());
        if (!names.last().equals(BundleLayout.TAG_SIGNATURE)) {
            throw new IllegalStateException("expected " + BundleLayout.TAG_SIGNATURE + " to sort last, got "
                    + names.last());
        }
        BagManifest signed = BagManifest.parse(BundleLayout.TAG_MANIFEST, tags.get(BundleLayout.TAG_MANIFEST));
        TreeMap<String, Sha256> tagHashes = new TreeMap<>();
        for (String name : names) {
            Payload.File file = payload.files().get(name);
            if (file != null) {
                Sha256 written;
                try (InputStream in = Files.newInputStream(file.source())) {
                    written = zip.add(name, in, file.size(), file.crc32(), file.deflate());
                }
                if (!written.equals(file.sha256())) {
                    throw new SealException(name + ": SHA-256 expected " + file.sha256() + ", got " + written
                            + " (the file changed while sealing)");
                }
            } else if (name.equals(BundleLayout.EVENTS)) {
                Sha256 written;
                try (InputStream in = Files.newInputStream(log)) {
                    written = zip.add(name, in, snapshot.length(), 0, true);
                }
                if (!written.equals(snapshot.sha256())) {
                    throw new SealException(name + ": changed while sealing (SHA-256 expected " + snapshot.sha256()
                            + ", got " + written + ")");
                }
                tagHashes.put(name, written);
            } else if (name.equals(BundleLayout.TAG_MANIFEST) || name.equals(BundleLayout.TAG_SIGNATURE)
                    || name.equals(BundleLayout.EVIDENCE_RECORD)) {
                zip.add(name, tags.get(name));
            } else {
                tagHashes.put(name, zip.add(name, tags.get(name)));
            }
        }
        if (!tagHashes.equals(signed.files())) {
            throw new SealException(BundleLayout.TAG_MANIFEST + ": the signed tag manifest lists " + signed.files()
                    .keySet() + ", the bundle holds " + tagHashes.keySet() + " (a tag file changed while sealing)");
        }
    }
}
