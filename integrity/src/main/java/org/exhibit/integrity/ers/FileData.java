package org.exhibit.integrity.ers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.tsp.ers.ERSCachingData;

/**
 * One file of a bundle as an RFC 4998 data object. Its hash under SHA-256 is the one already taken when known;
 * under another algorithm (a hash-tree renewal) its bytes are streamed again, never held whole. Under a renewed
 * hash tree, the file's hash is chained with the digest of the earlier chains: {@code H(H(file) || previous)}, as
 * Bouncy Castle computes it.
 */
public final class FileData extends ERSCachingData {
    /** Opens the file's bytes; may be called once per digest algorithm. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final String name;
    private final byte[] sha256;
    private final Source source;

    private FileData(String name, byte[] sha256, Source source) {
        this.name = name;
        this.sha256 = sha256;
        this.source = source;
    }

    /** A file whose SHA-256 was taken already, and whose bytes can be read again for other algorithms (or null). */
    public static FileData of(String name, byte[] sha256, Source source) {
        return new FileData(name, sha256 == null ? null : sha256.clone(), source);
    }

    public String name() {
        return name;
    }

    /** The file's own hash under {@code calc}'s algorithm, without any chaining. */
    public byte[] plainHash(DigestCalculator calc) {
        if (sha256 != null && NISTObjectIdentifiers.id_sha256.equals(calc.getAlgorithmIdentifier().getAlgorithm())) {
            return sha256.clone();
        }
        if (source == null) {
            throw new IllegalStateException(name + ": only its SHA-256 is known, "
                    + calc.getAlgorithmIdentifier().getAlgorithm() + " was asked for");
        }
        try (InputStream in = source.open(); OutputStream out = calc.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
        }
        return calc.getDigest();
    }

    @Override
    protected byte[] calculateHash(DigestCalculator calc, byte[] previousChainHash) {
        byte[] own = plainHash(calc);
        return chained(calc, own, previousChainHash);
    }

    /** {@code H(hash || previous)}, or {@code hash} itself under the first hash tree (no previous chains). */
    public static byte[] chained(DigestCalculator calc, byte[] hash, byte[] previousChainHash) {
        if (previousChainHash == null) {
            return hash;
        }
        try (OutputStream out = calc.getOutputStream()) {
            out.write(hash);
            out.write(previousChainHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calc.getDigest();
    }

    @Override
    public String toString() {
        return name;
    }
}
