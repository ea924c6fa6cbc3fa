package org.exhibit.metadata.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.Test;

class PdqDihedralTest {
    private static final int TOLERANCE = 16;
    private final PdqHasher hasher = new PdqHasher();
    private final PdqImageReader reader = new PdqImageReader();

    private static final Map<Dihedral, String> BRIDGE = Map.of(
            Dihedral.ORIGINAL, "bridge-1-original.jpg",
            Dihedral.ROTATE_90, "bridge-2-rotate-90.jpg",
            Dihedral.ROTATE_180, "bridge-3-rotate-180.jpg",
            Dihedral.ROTATE_270, "bridge-4-rotate-270.jpg",
            Dihedral.FLIP_X, "bridge-5-flipx.jpg",
            Dihedral.FLIP_Y, "bridge-6-flipy.jpg",
            Dihedral.FLIP_PLUS_1, "bridge-7-flip-plus-1.jpg",
            Dihedral.FLIP_MINUS_1, "bridge-8-flip-minus-1.jpg");

    @Test
    void eachVariantOfTheOriginalMatchesTheRotatedOrFlippedFile() throws IOException {
        Path dir = TestData.pdqVectors();
        Map<Dihedral, PdqHash> variants = hasher.dihedral(reader.read(dir.resolve(BRIDGE.get(Dihedral.ORIGINAL))).luma());
        assertThat(variants).hasSize(8);
        for (Dihedral d : Dihedral.values()) {
            PdqHash file = hasher.hash(reader.read(dir.resolve(BRIDGE.get(d))).luma());
            assertThat(variants.get(d).distance(file)).as("%s vs %s", d, BRIDGE.get(d)).isLessThanOrEqualTo(TOLERANCE);
            // and the variants are really different from one another
            if (d != Dihedral.ORIGINAL) {
                assertThat(variants.get(d).distance(variants.get(Dihedral.ORIGINAL))).as(d.name()).isGreaterThan(64);
            }
        }
    }

    @Test
    void hashingAnImageTurnedInJavaGivesTheVariant() throws IOException {
        BufferedImage original = ImageIO.read(TestData.pdqVectors().resolve("bridge-1-original.jpg").toFile());
        Map<Dihedral, PdqHash> variants = hasher.dihedral(Luma.of(original));
        for (Dihedral d : Dihedral.values()) {
            PdqHash turned = hasher.hash(turn(original, d));
            assertThat(turned.distance(variants.get(d))).as(d.name()).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void exifOrientationIsAppliedBeforeHashing() throws IOException {
        PdqHash upright = hasher.hash(reader.read(TestData.resource("images/reference.png")).luma());
        DecodedImage tagged = reader.read(TestData.resource("images/orientation-6.jpg"));
        assertThat(tagged.width()).isEqualTo(251);
        assertThat(tagged.luma().cols()).isEqualTo(400);
        assertThat(hasher.hash(tagged.luma()).distance(upright)).isLessThanOrEqualTo(TOLERANCE);
    }

    /** Each transform written out geometrically, independent of {@link Dihedral}'s own code. */
    private static BufferedImage turn(BufferedImage src, Dihedral d) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = d == Dihedral.ROTATE_90 || d == Dihedral.ROTATE_270 || d == Dihedral.FLIP_PLUS_1
                || d == Dihedral.FLIP_MINUS_1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = src.getRGB(x, y);
                switch (d) {
                    case ORIGINAL -> out.setRGB(x, y, rgb);
                    case ROTATE_90 -> out.setRGB(y, w - 1 - x, rgb);          // counter-clockwise
                    case ROTATE_180 -> out.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case ROTATE_270 -> out.setRGB(h - 1 - y, x, rgb);         // clockwise
                    case FLIP_X -> out.setRGB(x, h - 1 - y, rgb);             // upside down
                    case FLIP_Y -> out.setRGB(w - 1 - x, y, rgb);             // mirrored
                    case FLIP_PLUS_1 -> out.setRGB(y, x, rgb);                // transposed
                    case FLIP_MINUS_1 -> out.setRGB(h - 1 - y, w - 1 - x, rgb);
                }
            }
        }
        return out;
    }
}
