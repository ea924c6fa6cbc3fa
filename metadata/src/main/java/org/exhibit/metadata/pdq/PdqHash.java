package org.exhibit.metadata.pdq;

import java.util.Locale;
import java.util.regex.Pattern;
import org.exhibit.format.record.Artifact;

/**
 * A 256-bit PDQ hash and its quality, written as 64 hex characters in the reference implementation's
 * order (row 15 of the 16x16 bit matrix first, each row a 16-bit word, column 0 its lowest bit).
 *
 * @param hex     64 lower-case hex characters
 * @param quality 0-100, from the image's gradient energy; under {@value #RELIABLE_QUALITY} the hash is unreliable
 */
public record PdqHash(String hex, int quality) {
    /** Quality from which a hash is fit for matching, as the PDQ documentation recommends. */
    public static final int RELIABLE_QUALITY = 50;
    /** Hamming distance up to which two hashes are taken to show the same image. */
    public static final int MATCH_THRESHOLD = 31;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public PdqHash {
        hex = hex == null ? null : hex.toLowerCase(Locale.ROOT);
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("expected a PDQ hash of 64 hex characters, got " + hex);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("expected a PDQ quality 0-100, got " + quality);
        }
    }

    /** Builds a hash from its 16 words, {@code words[i]} holding row i of the bit matrix. */
    static PdqHash ofWords(int[] words, int quality) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 15; i >= 0; i--) {
            sb.append(String.format("%04x", words[i] & 0xffff));
        }
        return new PdqHash(sb.toString(), quality);
    }

    /** Number of differing bits, 0-256. */
    public int distance(PdqHash other) {
        int d = 0;
        for (int i = 0; i < 64; i += 16) {
            long a = Long.parseUnsignedLong(hex.substring(i, i + 16), 16);
            long b = Long.parseUnsignedLong(other.hex.substring(i, i + 16), 16);
            d += Long.bitCount(a ^ b);
        }
        return d;
    }

    /** Whether the two hashes are within {@code threshold} bits of each other. */
    public boolean matches(PdqHash other, int threshold) {
        return distance(other) <= threshold;
    }

    public boolean reliable() {
        return quality >= RELIABLE_QUALITY;
    }

    /** The form kept in {@code capture.json} and {@code item.json}. */
    public Artifact.Pdq toArtifact() {
        return new Artifact.Pdq(hex, quality);
    }

    @Override
    public String toString() {
        return hex + " (quality " + quality + ")";
    }
}
