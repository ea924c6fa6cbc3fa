package org.exhibit.metadata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.EmailHeaders;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.metadata.email.Email;
import org.exhibit.metadata.email.HeaderRecord;
import org.exhibit.metadata.email.MboxReader;
import org.exhibit.metadata.image.ImageMetadata;
import org.exhibit.metadata.image.ImageMetadataReader;
import org.exhibit.metadata.pdq.DecodedImage;
import org.exhibit.metadata.pdq.PdqHasher;
import org.exhibit.metadata.pdq.PdqImageReader;

/**
 * Turns a file into an {@link Artifact}: media type detected from content (Tika, never the name), SHA-256
 * always, MD5 for everything but still images (what hash-matching services take for video), and for images
 * the PDQ hash and an EXIF/GPS summary, for PDFs the document metadata. Hashing and type detection share one
 * streaming read; a caller that already has the SHA-256 passes it in and it is not computed again. Bad
 * content (corrupt, truncated, too large, unsupported) never throws: it becomes a warning in the artifact.
 *
 * <pre>{@code
 * ArtifactInspector inspector = new ArtifactInspector();
 * Artifact a = inspector.inspect(dir.resolve("screenshot-full.png"), "screenshot-full.png", "screenshot-full");
 * a.mediaType();      // "image/png"
 * a.pdq().hash();     // "e64cc9d9..."
 * a.warnings();       // [] or e.g. ["PDQ: corrupt or truncated png image: ..."]
 * }</pre>
 * Thread-safe.
 */
public final class ArtifactInspector {
    /** Image types ImageIO (with the WebP plugin) is asked to decode; other image/* types are not hashed. */
    private static final Set<String> DECODABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/webp", "image/tiff", "image/vnd.wap.wbmp", "image/x-ms-bmp");

    private static final String MBOX = "application/mbox";

    private final PdqHasher hasher = new PdqHasher();
    private final PdqImageReader images = new PdqImageReader();
    private final ImageMetadataReader imageMetadata = new ImageMetadataReader();

    /**
     * Inspects {@code file}, recording it as {@code relativePath} with {@code role}.
     *
     * @throws IOException only when the file itself cannot be read (missing, permissions): its content
     *                     cannot make this throw
     */
    public Artifact inspect(Path file, String relativePath, String role) throws IOException {
        return inspectFully(file, relativePath, role, null).artifact();
    }

    /**
     * As {@link #inspect(Path, String, String)} for a file whose SHA-256 the caller has already computed and
     * checked (ingest hashes while it copies): it is not computed again, and an image is then read only as
     * far as its type, its metadata and its pixels need. The artifact carries {@code sha256} as given.
     */
    public Artifact inspect(Path file, String relativePath, String role, Sha256 sha256) throws IOException {
        return inspectFully(file, relativePath, role, sha256).artifact();
    }

    /** As {@link #inspect(Path, String, String)}, also returning the full metadata dump for a {@code metadata} file. */
    public Inspection inspectFully(Path file, String relativePath, String role) throws IOException {
        return inspectFully(file, relativePath, role, null);
    }

    /**
     * As {@link #inspect(Path, String, String, Sha256)}, also returning the full metadata dump.
     *
     * @param sha256 the file's SHA-256 when the caller already has it, or null to compute it here
     */
    public Inspection inspectFully(Path file, String relativePath, String role, Sha256 sha256) throws IOException {
        MessageDigest sha = sha256 == null ? Sha256.newDigest() : null;
        MessageDigest md5 = md5();
        String mediaType;
        long size = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(new DigestInputStream(
                     sha == null ? raw : new DigestInputStream(raw, sha), md5), 1 << 16)) {
            mediaType = MediaTypeDetector.detect(in);
            if (sha != null || !mediaType.startsWith("image/")) { // an image needs no MD5: stop if the SHA-256 is known
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    size += n;
                }
            } else {
                size = Files.size(file);
            }
        }
        String sha256Hex = sha == null ? sha256.hex() : HexFormat.of().formatHex(sha.digest());
        List<String> warnings = new ArrayList<>();
        boolean image = mediaType.startsWith("image/");
        Artifact.Pdq pdq = null;
        Map<String, Object> exif = null;
        Map<String, Map<String, String>> full = Map.of();
        if (image) {
            ImageMetadata md = imageMetadata.read(file);
            exif = md.summary().isEmpty() ? null : md.summary();
            full = md.full();
            warnings.addAll(md.warnings());
            pdq = pdq(file, mediaType, md.orientation(), warnings);
        }
        Map<String, String> document;
        List<EmailHeaders> emails = null;
        if ("message/rfc822".equals(mediaType)) {
            Email mail = DocumentMetadataReader.email(file, warnings);
            document = DocumentMetadataReader.email(mail);
            emails = HeaderRecord.transported(mail) ? List.of(HeaderRecord.of(1, mail)) : null;
        } else if (MBOX.equals(mediaType)) {
            document = null;
            emails = mbox(file, warnings);
        } else {
            document = DocumentMetadataReader.read(file, mediaType, warnings);
        }
        String md5Hex = image ? null : HexFormat.of().formatHex(md5.digest());
        Artifact artifact = new Artifact(relativePath, role, mediaType, size, sha256Hex, md5Hex, pdq, exif, document,
                emails, null, null, warnings);
        return new Inspection(artifact, full);
    }

    /** Each message of an mbox, headers only; null when it holds none. */
    private static List<EmailHeaders> mbox(Path file, List<String> warnings) {
        try {
            List<Email> mails = new MboxReader().read(file, null);
            List<EmailHeaders> out = new ArrayList<>();
            for (int i = 0; i < mails.size(); i++) {
                int n = i + 1;
                mails.get(i).warnings().forEach(w -> warnings.add("email " + n + ": " + w));
                out.add(HeaderRecord.of(n, mails.get(i)));
            }
            return out.isEmpty() ? null : out;
        } catch (IOException | RuntimeException e) {
            warnings.add("mbox: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return null;
        }
    }

    private Artifact.Pdq pdq(Path file, String mediaType, int orientation, List<String> warnings) {
        if (!DECODABLE.contains(mediaType)) {
            warnings.add("PDQ: no decoder for " + mediaType + ": no perceptual hash");
            return null;
        }
        try {
            DecodedImage img = images.read(file, orientation);
            img.warnings().forEach(w -> warnings.add("PDQ: " + w));
            return hasher.hash(img.luma()).toArtifact();
        } catch (IOException | RuntimeException e) {
            warnings.add("PDQ: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (OutOfMemoryError e) {
            warnings.add("PDQ: not enough memory to decode this image");
        }
        return null;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
