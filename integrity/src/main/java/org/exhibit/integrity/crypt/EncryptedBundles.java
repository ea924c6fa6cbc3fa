package org.exhibit.integrity.crypt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Encrypting an existing bundle file and decrypting one back, each into a temporary file beside the output that is
 * renamed only when complete (for decryption: only after the tag checked), deleted otherwise. An existing output
 * is never replaced.
 */
public final class EncryptedBundles {
    private static final int BUFFER = 1 << 16;

    private EncryptedBundles() {
    }

    /** The name of {@code zip} encrypted: {@code B.zip.p7m} beside it. */
    public static Path encryptedName(Path zip) {
        return zip.resolveSibling(zip.getFileName() + DecryptedBundle.EXTENSION);
    }

    /** Encrypts a bundle ZIP; returns the plaintext length. */
    public static long encrypt(Path zip, Path out, Recipients to) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip), BUFFER)) {
            return write(out, o -> BundleCipher.encrypt(in, o, to));
        } catch (NoSuchFileException e) {
            throw new IOException(zip + ": no such file", e);
        }
    }

    /** Encrypts what {@code in} holds (a bundle ZIP being streamed) to {@code out}; returns its length. */
    public static long encrypt(InputStream in, Path out, Recipients to) throws IOException {
        return write(out, o -> BundleCipher.encrypt(in, o, to));
    }

    /**
     * Decrypts an encrypted bundle to {@code out}, which appears only once the whole content authenticated.
     *
     * @throws DecryptionException wrong key or passphrase, or a damaged, tampered or truncated file; nothing written
     */
    public static long decrypt(Path encrypted, Path out, DecryptionKey key) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(encrypted), BUFFER)) {
            return write(out, o -> BundleCipher.decrypt(in, o, key, String.valueOf(encrypted.getFileName())));
        } catch (NoSuchFileException e) {
            throw new IOException(encrypted + ": no such file", e);
        }
    }

    private interface Body {
        long run(OutputStream out) throws IOException;
    }

    private static long write(Path out, Body body) throws IOException {
        if (Files.exists(out)) {
            throw new FileAlreadyExistsException(out + ": exists; choose another output (never replaced)");
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + out.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        try {
            long n;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream o = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), BUFFER)) {
                n = body.run(o);
                o.flush();
                ch.force(true);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
