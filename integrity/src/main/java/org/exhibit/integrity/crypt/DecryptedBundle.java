package org.exhibit.integrity.crypt;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.exhibit.integrity.digest.Sha256;

/**
 * An encrypted bundle opened for reading without its plaintext touching the disk: decrypted into an
 * {@link EphemeralFile} (in the system's temporary folder unless told), and handed out only after the GCM tag
 * of the whole content has checked, so that nothing is read from a bundle that fails to authenticate.
 *
 * <pre>{@code
 * try (DecryptedBundle b = DecryptedBundle.open(Path.of("B.zip.p7m"), key)) {
 *     try (SafeZip zip = SafeZip.open(b.name(), b.channel(), ZipLimits.DEFAULT)) { ... }
 * }
 * }</pre>
 */
public final class DecryptedBundle implements Closeable {
    /** The extension Exhibit gives an encrypted bundle: {@code B.zip} encrypted is {@code B.zip.p7m}. */
    public static final String EXTENSION = ".p7m";

    private final Path source;
    private final EphemeralFile plain;
    private final Sha256 sha256;

    private DecryptedBundle(Path source, EphemeralFile plain, Sha256 sha256) {
        this.source = source;
        this.plain = plain;
        this.sha256 = sha256;
    }

    /** Decrypts into a scratch file in the system's temporary folder. */
    public static DecryptedBundle open(Path encrypted, DecryptionKey key) throws IOException {
        return open(encrypted, key, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @throws DecryptionException wrong key or passphrase, or a damaged, tampered or truncated file (nothing kept)
     */
    public static DecryptedBundle open(Path encrypted, DecryptionKey key, Path scratchDir) throws IOException {
        EphemeralFile tmp = EphemeralFile.create(scratchDir);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(encrypted), 1 << 16)) {
            MessageDigest md = Sha256.newDigest();
            try (OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(tmp.output(), 1 << 16),
                    md)) {
                BundleCipher.decrypt(in, out, key, String.valueOf(encrypted.getFileName()));
            }
            return new DecryptedBundle(encrypted, tmp, Sha256.of(md.digest()));
        } catch (NoSuchFileException e) {
            tmp.close();
            throw new IOException(encrypted + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            tmp.close();
            throw e;
        }
    }

    /** The encrypted file. */
    public Path source() {
        return source;
    }

    /** The ZIP's name: the encrypted file's without {@value #EXTENSION}. */
    public String name() {
        return plainName(source);
    }

    /** {@code B.zip} for {@code B.zip.p7m}; the name unchanged when it has no {@value #EXTENSION}. */
    public static String plainName(Path encrypted) {
        String n = String.valueOf(encrypted.getFileName());
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION) ? n.substring(0, n.length()
                - EXTENSION.length()) : n;
    }

    /** SHA-256 of the decrypted ZIP. */
    public Sha256 sha256() {
        return sha256;
    }

    /** The decrypted ZIP's length. */
    public long size() {
        return plain.size();
    }

    /** A new read channel over the decrypted ZIP; closing it leaves this bundle open. */
    public FileChannel channel() {
        return plain.channel();
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }
}
