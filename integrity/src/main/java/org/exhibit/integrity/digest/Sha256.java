package org.exhibit.integrity.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A SHA-256 digest, kept as 64 lower-case hex characters.
 *
 * <pre>{@code
 * Sha256 d = Sha256.of(Path.of("capture.json"));   // streams the file
 * d.hex();                                           // "9f86d0..."
 * }</pre>
 */
public record Sha256(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    /** The {@code prev} of the first custody-log line. */
    public static final Sha256 ZERO = new Sha256("0".repeat(64));

    public Sha256 {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("expected 64 lower-case hex characters, got " + hex);
        }
    }

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("expected a 32-byte SHA-256 digest, got " + digest.length + " bytes");
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    public static Sha256 ofBytes(byte[] data) {
        return of(newDigest().digest(data));
    }

    /** Hashes a file in 1 MiB reads; never holds the file in memory. */
    public static Sha256 of(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return of(md.digest());
    }

    /** Hashes a stream to its end without closing it. */
    public static Sha256 of(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) >= 0; ) {
            md.update(buf, 0, n);
        }
        return of(md.digest());
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
