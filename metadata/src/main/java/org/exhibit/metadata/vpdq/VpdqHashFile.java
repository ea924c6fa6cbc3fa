package org.exhibit.metadata.vpdq;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.metadata.pdq.PdqHash;

/**
 * The text form of a vPDQ hash that the ThreatExchange reference writes ({@code vpdq-hash-video}) and reads
 * ({@code match-hashes-brute}): one line per frame, {@code frame_number,quality,pdq_hex,timestamp_seconds},
 * the timestamp with exactly three decimals, each line ending in a line feed. Hashes written here read back
 * in the reference's tools, and theirs here.
 *
 * <pre>{@code
 * VpdqHashFile.write(new VpdqHasher().hash(video), Path.of("clip.vpdq.txt"));
 * VpdqHash known = VpdqHashFile.read(Path.of("known.txt"));
 * }</pre>
 */
public final class VpdqHashFile {
    private VpdqHashFile() {
    }

    public static VpdqHash read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    public static void write(VpdqHash hash, Path file) throws IOException {
        Files.writeString(file, format(hash), StandardCharsets.UTF_8);
    }

    /**
     * @param name what to call the text in error messages, e.g. its file name
     * @throws IllegalArgumentException naming the line that is not {@code frame,quality,hex,seconds}
     */
    public static VpdqHash parse(String text, String name) {
        List<VpdqFrame> frames = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int last = lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0); // a final line feed ends a line
        for (int i = 0; i < last; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            frames.add(frame(line, name, i + 1));
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames in " + name
                    + ": expected one line per frame, frame_number,quality,pdq_hex,timestamp_seconds");
        }
        try {
            return new VpdqHash(frames);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** The hash as the reference writes it. */
    public static String format(VpdqHash hash) {
        StringBuilder sb = new StringBuilder(hash.size() * 80);
        for (VpdqFrame f : hash.frames()) {
            sb.append(f.frameNumber()).append(',').append(f.quality()).append(',').append(f.pdq().hex()).append(',')
                    .append(seconds(f.timestampSeconds())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Three decimals rounded as C's {@code printf} and C++'s {@code std::fixed} do: from the exact binary value,
     * ties to even (so 1/16 s is "0.062", where {@code String.format} would write "0.063").
     */
    static String seconds(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static VpdqFrame frame(String line, String name, int number) {
        String[] f = line.split(",", -1);
        try {
            if (f.length < 4) { // the reference reads the first four fields and ignores any more
                throw new IllegalArgumentException("4 fields, got " + f.length);
            }
            int quality = Integer.parseInt(f[1].trim());
            return new VpdqFrame(Integer.parseInt(f[0].trim()), new PdqHash(f[2].trim(), quality),
                    Double.parseDouble(f[3].trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + " of " + name
                    + ": expected frame_number,quality,pdq_hex,timestamp_seconds, got \"" + abbreviate(line)
                    + "\" (" + e.getMessage() + ")", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
