package org.exhibit.metadata.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.exhibit.format.record.Artifact;
import org.exhibit.metadata.ArtifactInspector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20,000 x 20,000 PNG (400 megapixels, 400 MB of pixels, a few hundred KB on disk) must hash from a
 * subsample with a warning. The module's tests run with -Xmx256m (see its pom), so decoding it whole
 * would fail with OutOfMemoryError.
 */
class HugeImageTest {
    private static final int SIDE = 20_000;

    @TempDir
    static Path dir;
    static Path png;

    @BeforeAll
    static void writeIt() throws IOException {
        png = dir.resolve("huge.png");
        writeGreyPng(png, SIDE);
    }

    @Test
    void inspectorRecordsTheHashAndTheWarning() throws IOException {
        Artifact a = new ArtifactInspector().inspect(png, "huge.png", "original");
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(a.pdq()).isNotNull();
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("PDQ: image is 20000 x 20000 (400 MP)"));
    }

    @Test
    void twentyThousandSquarePngIsHashedFromASubsampleWithAWarning() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("heap limit of this test JVM").isLessThan(300L << 20);

        DecodedImage img = new PdqImageReader().read(png);

        assertThat(img.width()).isEqualTo(SIDE);
        assertThat(img.subsampling()).isGreaterThan(1);
        assertThat(img.luma().cols()).isLessThanOrEqualTo(PdqImageReader.WORKING_SIDE);
        assertThat(img.warnings()).anySatisfy(w -> assertThat(w).contains("20000 x 20000").contains("400 MP"));
        PdqHasher hasher = new PdqHasher();
        PdqHash huge = hasher.hash(img.luma());
        PdqHash small = hasher.hash(pattern(1000));
        assertThat(huge.distance(small)).isLessThanOrEqualTo(16);
    }

    /** Grey level at (x, y) of a pattern defined on the unit square, so any size shows the same picture. */
    private static int grey(double u, double v) {
        double d = Math.hypot(u - 0.35, v - 0.4);
        int base = (int) (u * 120 + v * 60);
        return d < 0.2 ? 230 : (((int) (u * 5) + (int) (v * 3)) % 2 == 0 ? base : 255 - base);
    }

    private static BufferedImage pattern(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.getRaster().setSample(x, y, 0, grey((x + 0.5) / side, (y + 0.5) / side));
            }
        }
        return img;
    }

    /** Writes an 8-bit grey PNG row by row: only one row is ever in memory. */
    static void writeGreyPng(Path file, int side) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] ihdr = new byte[13];
            java.nio.ByteBuffer.wrap(ihdr).putInt(side).putInt(side).put((byte) 8).put((byte) 0);
            chunk(out, "IHDR", ihdr);
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[side + 1]; // filter byte 0 (none), then the pixels
                int[] uBase = new int[side];
                int[] uCell = new int[side];
                for (int x = 0; x < side; x++) {
                    uBase[x] = (int) ((x + 0.5) / side * 120);
                    uCell[x] = (int) ((x + 0.5) / side * 5);
                }
                for (int y = 0; y < side; y++) {
                    double v = (y + 0.5) / side;
                    int vBase = (int) (v * 60);
                    int vCell = (int) (v * 3);
                    double dv = v - 0.4;
                    double half = dv * dv < 0.04 ? Math.sqrt(0.04 - dv * dv) : -1;
                    int from = half < 0 ? side : (int) Math.ceil((0.35 - half) * side - 0.5);
                    int to = half < 0 ? -1 : (int) Math.floor((0.35 + half) * side - 0.5);
                    for (int x = 0; x < side; x++) {
                        int base = uBase[x] + vBase; // same picture as grey(u, v), without a square root per pixel
                        row[x + 1] = (byte) (x >= from && x <= to ? 230 : ((uCell[x] + vCell) % 2 == 0 ? base : 255 - base));
                    }
                    z.write(row);
                    if (idat.size() > (1 << 20)) {
                        z.flush();
                        chunk(out, "IDAT", idat.toByteArray());
                        idat.reset();
                    }
                }
            }
            deflater.end();
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
