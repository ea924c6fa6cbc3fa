package org.exhibit.report.depiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DepicterTest {

    @Test
    void blurredDepictionOfATallScreenshotIsAtMost32PixelsAndKeepsOnlyItsAverageColours() throws Exception {
        byte[] png = png(400, 6000);
        Depiction d = new Depicter(ImageMode.BLURRED).depict(new ByteArrayInputStream(png)).orElseThrow();
        assertThat(Math.max(d.width(), d.height())).isLessThanOrEqualTo(Depicter.BLUR_MAX);
        assertThat(d.sourceWidth()).isEqualTo(400);
        assertThat(d.sourceHeight()).isEqualTo(6000);
        assertThat(d.blurred()).isTrue();
        // top half green-ish, bottom half magenta-ish: the noise is averaged away
        int top = d.image().getRGB(0, 0);
        int bottom = d.image().getRGB(0, d.height() - 1);
        assertThat((top >> 8) & 0xff).isGreaterThan(150);
        assertThat((bottom >> 8) & 0xff).isLessThan(100);
        assertThat(ImageIO.read(new ByteArrayInputStream(d.encoded())).getHeight()).isEqualTo(d.height());
    }

    @Test
    void exifOrientationSixTurnsTheDepictionClockwise() throws Exception {
        Depiction d = new Depicter(ImageMode.BLURRED).depict(new ByteArrayInputStream(png(400, 200)), 6).orElseThrow();
        assertThat(d.width()).isLessThan(d.height());
        // the green top of the image is now its right side, the magenta bottom its left
        assertThat((d.image().getRGB(d.width() - 1, 0) >> 8) & 0xff).isGreaterThan(150);
        assertThat((d.image().getRGB(0, 0) >> 8) & 0xff).isLessThan(100);
        assertThat(d.sourceWidth()).isEqualTo(400);
    }

    @Test
    void shownDepictionIsScaledToFitThePage() throws Exception {
        Depiction d = new Depicter(ImageMode.SHOWN).depict(new ByteArrayInputStream(png(2400, 1200))).orElseThrow();
        assertThat(d.width()).isEqualTo(1000);
        assertThat(d.height()).isEqualTo(500);
        assertThat(d.label()).contains("original 2400 × 1200 px");
    }

    @Test
    void bytesThatAreNoImageGiveNoDepiction() throws Exception {
        assertThat(new Depicter(ImageMode.BLURRED).depict(new ByteArrayInputStream("not an image".getBytes()))).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(png(50, 50), 60);
        assertThat(new Depicter(ImageMode.BLURRED).depict(new ByteArrayInputStream(truncated))).isEmpty();
    }

    private static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < h; y++) {
            int base = y < h / 2 ? 0x20D040 : 0xD020C0;
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, base ^ r.nextInt(0x10));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
