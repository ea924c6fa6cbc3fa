package org.exhibit.metadata.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixtures are one photo in several encodings (make-fixtures.sh); each must hash close to the PNG. */
class PdqImageFormatsTest {
    private static final int TOLERANCE = 16;
    private static PdqHash reference;
    private final PdqHasher hasher = new PdqHasher();
    private final PdqImageReader reader = new PdqImageReader();

    @BeforeAll
    static void hashReference() throws IOException {
        reference = new PdqHasher().hash(new PdqImageReader().read(TestData.resource("images/reference.png")).luma());
        assertThat(reference.reliable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmyk.jpg", "gray.jpg", "alpha.png", "animated.gif", "reference.webp", "png-named.jpg",
            "jpeg-named.txt"})
    void everyEncodingOfThePhotoHashesCloseToThePng(String name) throws IOException {
        DecodedImage img = reader.read(TestData.resource("images/" + name));
        assertThat(img.width()).isEqualTo(400);
        assertThat(hasher.hash(img.luma()).distance(reference)).as(name).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void rawCmykConversionAgreesWithTheJdkDecoder() throws IOException {
        // The JDK decodes this YCCK file itself; the raw-raster path (for JDKs or files it refuses) must agree.
        try (ImageInputStream in = ImageIO.createImageInputStream(TestData.resource("images/cmyk.jpg").toFile())) {
            ImageReader jpeg = ImageIO.getImageReaders(in).next();
            jpeg.setInput(in);
            Raster raw = jpeg.readRaster(0, null);
            PdqHash viaRaster = hasher.hash(CmykLuma.of(raw, true, true));
            assertThat(viaRaster.distance(reference)).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void cmykJpegWithAJfifHeaderIsConvertedLikeWithoutOne() throws IOException {
        // The JDK refuses the metadata of a four-component JPEG that carries a JFIF marker; the file's own
        // markers still say YCCK, so it must be decoded as the same file without the JFIF segment is.
        DecodedImage plain = reader.read(TestData.resource("images/cmyk.jpg"));
        DecodedImage jfif = reader.read(TestData.resource("images/cmyk-jfif.jpg"));
        assertThat(jfif.warnings()).contains("YCCK JPEG: converted to RGB without its ICC profile");
        assertThat(hasher.hash(jfif.luma())).isEqualTo(hasher.hash(plain.luma()));
        assertThat(hasher.hash(jfif.luma()).distance(reference)).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void animatedGifHashesItsFirstFrameNotTheNegativeSecond() throws IOException {
        PdqHash gif = hasher.hash(reader.read(TestData.resource("images/animated.gif")).luma());
        assertThat(gif.distance(reference)).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void truncatedJpegIsHashedWithAWarning() throws IOException {
        DecodedImage img = reader.read(TestData.resource("images/truncated.jpg"));
        assertThat(img.warnings()).anySatisfy(w -> assertThat(w).containsIgnoringCase("premature end"));
    }

    @Test
    void corruptPngIsRefusedWithAOneLineReason() {
        assertThatThrownBy(() -> reader.read(TestData.resource("images/corrupt.png")))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageStartingWith("corrupt or truncated png image");
    }

    @Test
    void aFileThatIsNoImageSaysNoDecoderRecognisesIt() {
        assertThatThrownBy(() -> reader.read(TestData.resource("images/make-fixtures.sh")))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining("no image decoder recognises this file");
    }
}
